// The lean read's observer, on a real QueryClient: while observed, the query is active (an
// invalidation reads it again, as useQuery's would); once stopped, or stopped before its code came,
// it is not.
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { observeLater, refetchNow } from "./lean-query";

const clients: QueryClient[] = [];
function client() {
  const made = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
  made.mount();
  clients.push(made);
  return made;
}
afterEach(() => clients.splice(0).forEach((c) => c.clear()));

function counter() {
  let reads = 0;
  return {
    options: { queryKey: ["things"], queryFn: async () => ++reads },
    reads: () => reads,
  };
}
/** Lets the observer's code arrive (the test imports it first, so its own import is answered at once). */
const settle = async () => {
  await import("./query-observer");
  await new Promise((resolve) => setTimeout(resolve, 10));
};

describe("observeLater", () => {
  it("keeps a prefilled, fresh answer without reading again, and reads again on an invalidation", async () => {
    const qc = client();
    const { options, reads } = counter();
    qc.setQueryData(options.queryKey, 0, { updatedAt: Date.now() });
    const stop = observeLater(qc, options);
    await settle();
    expect(reads()).toBe(0);
    await qc.invalidateQueries({ queryKey: options.queryKey });
    expect(reads()).toBe(1);
    expect(qc.getQueryData(options.queryKey)).toBe(1);
    stop();
    await qc.invalidateQueries({ queryKey: options.queryKey });
    expect(reads()).toBe(1);
  });

  it("reads a query the cache lacks once its code has come", async () => {
    const qc = client();
    const { options, reads } = counter();
    const stop = observeLater(qc, options);
    await settle();
    expect(reads()).toBe(1);
    stop();
  });

  it("never observes when stopped before its code came", async () => {
    const qc = client();
    const { options, reads } = counter();
    let arrive: () => void = () => {};
    const code = import("./query-observer");
    const stop = observeLater(qc, options, () => new Promise((resolve) => (arrive = () => resolve(code))));
    stop();
    arrive();
    await settle();
    expect(reads()).toBe(0);
    expect(qc.getQueryCache().find({ queryKey: options.queryKey })?.getObserversCount() ?? 0).toBe(0);
  });
});

describe("refetchNow", () => {
  it("reads again though the answer is fresh, and leaves a failure in the query's state", async () => {
    const qc = client();
    const { options, reads } = counter();
    qc.setQueryData(options.queryKey, 0, { updatedAt: Date.now() });
    await refetchNow(qc, options);
    expect(reads()).toBe(1);
    const failing = { queryKey: ["broken"], queryFn: () => Promise.reject(new Error("upstream down")) };
    await expect(refetchNow(qc, failing)).resolves.toBeUndefined();
    expect(qc.getQueryState(failing.queryKey)?.error?.message).toBe("upstream down");
  });
});
