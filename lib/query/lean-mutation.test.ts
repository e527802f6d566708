// A lean change runs through the client's mutation cache as useMutation's does: the client's
// defaults (never retried), onMutate's optimistic update, its rollback on a failure, onSettled.
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { runMutation } from "./lean-mutation";

function client() {
  return new QueryClient({ defaultOptions: { mutations: { retry: false } } });
}

describe("runMutation", () => {
  it("answers with the change's result and runs onSettled", async () => {
    const qc = client();
    const settled: unknown[] = [];
    const data = await runMutation(
      qc,
      { mutationFn: async (n: number) => n * 2, onSettled: (d) => void settled.push(d) },
      21,
    );
    expect(data).toBe(42);
    expect(settled).toEqual([42]);
  });

  it("shows the change at once and puts the old value back when it fails, asking once", async () => {
    const qc = client();
    qc.setQueryData(["switch"], false);
    let calls = 0;
    const seenDuring: unknown[] = [];
    const failing = runMutation(
      qc,
      {
        mutationFn: async () => {
          calls++;
          seenDuring.push(qc.getQueryData(["switch"]));
          throw new Error("refused");
        },
        onMutate: () => {
          const was = qc.getQueryData<boolean>(["switch"]);
          qc.setQueryData(["switch"], true);
          return { was };
        },
        onError: (_e, _v, context) => void qc.setQueryData(["switch"], context?.was),
      },
      undefined,
    );
    await expect(failing).rejects.toThrow("refused");
    expect(calls).toBe(1);
    expect(seenDuring).toEqual([true]);
    expect(qc.getQueryData(["switch"])).toBe(false);
  });

  it("keeps no answer built with gcTime 0 (a new key's secret) in the mutation cache once it has come", async () => {
    const qc = client();
    const answer = await runMutation(
      qc,
      { mutationFn: async () => ({ secret: "sk_test" }), gcTime: 0 },
      undefined,
    );
    expect(answer).toEqual({ secret: "sk_test" });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(qc.getMutationCache().getAll()).toEqual([]);
  });
});
