import { describe, expect, it } from "vitest";
import { recentRead, type RecentReadOptions } from "./recent-read";
import { singleFlight } from "./single-flight";

/** A reuse over a fake clock, a real single flight's door and a settable version. */
function setup(overrides: Partial<RecentReadOptions> = {}) {
  const clock = { ms: 1_000 };
  const flight = singleFlight();
  const db = { version: 7 };
  let calls = 0;
  const recent = recentRead({
    now: () => clock.ms,
    epoch: flight.epoch,
    version: async () => db.version,
    ...overrides,
  });
  const read = (options: { fresh?: boolean; maxAgeMs?: number } = {}) =>
    recent.read(
      "k",
      async () => {
        calls++;
        return { n: calls };
      },
      { maxAgeMs: 5_000, ...options },
    );
  return { clock, flight, db, recent, read, calls: () => calls };
}

/** Lets every pending callback run (a reader gets past its version check and starts its read). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A promise settled by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("recentRead", () => {
  it("reuses the last read until maxAgeMs after it began, then reads again", async () => {
    const t = setup();
    expect(await t.read()).toEqual({ value: { n: 1 }, startedAt: 1_000, reused: false });
    t.clock.ms = 5_999;
    expect(await t.read()).toEqual({ value: { n: 1 }, startedAt: 1_000, reused: true });
    t.clock.ms = 6_000;
    expect(await t.read()).toEqual({ value: { n: 2 }, startedAt: 6_000, reused: false });
    expect(t.calls()).toBe(2);
  });

  it("ends the reuse at once when a write begins, and after it ends (change, then read back)", async () => {
    const t = setup();
    await t.read();
    await t.flight.write(async () => undefined);
    expect((await t.read()).value).toEqual({ n: 2 });
    // A read made while a write is in flight is not kept past its end.
    const write = deferred<void>();
    const writing = t.flight.write(() => write.promise);
    expect((await t.read()).value).toEqual({ n: 3 });
    write.resolve();
    await writing;
    expect((await t.read()).value).toEqual({ n: 4 });
    expect((await t.read()).value).toEqual({ n: 4 });
  });

  it("ends the reuse when the version moves (another Keydesk wrote), and never reuses an unreadable one", async () => {
    const t = setup();
    await t.read();
    t.db.version = 8;
    expect((await t.read()).value).toEqual({ n: 2 });
    expect((await t.read()).value).toEqual({ n: 2 });
    t.db.version = Number.NaN;
    expect((await t.read()).value).toEqual({ n: 3 });
    expect((await t.read()).value).toEqual({ n: 4 });
  });

  it("does not let a read in flight across a version move be joined by a later reader", async () => {
    const t = setup();
    const first = deferred<string>();
    let calls = 0;
    const call = () => {
      calls++;
      return calls === 1 ? first.promise : Promise.resolve("second");
    };
    const a = t.recent.read("k", call, { maxAgeMs: 5_000 });
    await settle();
    t.db.version = 8;
    const b = await t.recent.read("k", call, { maxAgeMs: 5_000 });
    expect(b.value).toBe("second");
    first.resolve("first");
    expect((await a).value).toBe("first");
  });

  it("never keeps an error: the next reader reads again", async () => {
    const t = setup();
    let fail = true;
    const call = async () => {
      if (fail) throw new Error("upstream down");
      return "ok";
    };
    await expect(t.recent.read("k", call, { maxAgeMs: 5_000 })).rejects.toThrow("upstream down");
    fail = false;
    expect(await t.recent.read("k", call, { maxAgeMs: 5_000 })).toMatchObject({ value: "ok", reused: false });
  });

  it("does not keep an answer `keep` refuses, but those who joined it get it", async () => {
    const t = setup();
    const gate = deferred<string>();
    let calls = 0;
    const call = () => (++calls === 1 ? gate.promise : Promise.resolve("later"));
    const keep = (v: string) => v !== "partial";
    const first = t.recent.read("k", call, { maxAgeMs: 5_000, keep });
    await settle();
    t.clock.ms += 10;
    const joined = t.recent.read("k", call, { maxAgeMs: 5_000, keep });
    gate.resolve("partial");
    expect(await first).toMatchObject({ value: "partial", reused: false });
    expect(await joined).toMatchObject({ value: "partial", reused: true });
    expect(await t.recent.read("k", call, { maxAgeMs: 5_000, keep })).toMatchObject({ value: "later" });
  });

  it("shares a read in flight; a fresh reader joins only one that began after it asked", async () => {
    const t = setup();
    const gate = deferred<string>();
    let calls = 0;
    const call = () => {
      calls++;
      return calls === 1 ? gate.promise : Promise.resolve(`read ${calls}`);
    };
    const first = t.recent.read("k", call, { maxAgeMs: 5_000 });
    await settle();
    t.clock.ms += 100;
    const joiner = t.recent.read("k", call, { maxAgeMs: 5_000 });
    const fresh = t.recent.read("k", call, { maxAgeMs: 5_000, fresh: true });
    gate.resolve("read 1");
    expect(await first).toMatchObject({ value: "read 1", reused: false });
    expect(await joiner).toMatchObject({ value: "read 1", reused: true });
    expect(await fresh).toMatchObject({ value: "read 2", reused: false });

    // Two fresh readers asking at the same moment share one read.
    const again = deferred<string>();
    const slow = () => again.promise;
    t.clock.ms += 100;
    const [x, y] = [
      t.recent.read("k", slow, { maxAgeMs: 5_000, fresh: true }),
      t.recent.read("k", slow, { maxAgeMs: 5_000, fresh: true }),
    ];
    again.resolve("shared");
    expect((await x).value).toBe("shared");
    expect((await y).value).toBe("shared");
    expect(calls).toBe(2);
  });

  it("a fresh reader never takes a kept answer", async () => {
    const t = setup();
    await t.read();
    t.clock.ms += 1;
    expect(await t.read({ fresh: true })).toMatchObject({ value: { n: 2 }, reused: false });
    t.clock.ms += 1;
    expect(await t.read()).toMatchObject({ value: { n: 2 }, reused: true });
  });

  it("maxAgeMs 0 keeps nothing", async () => {
    const t = setup();
    await t.read({ maxAgeMs: 0 });
    expect((await t.read({ maxAgeMs: 0 })).value).toEqual({ n: 2 });
  });

  it("keys are separate", async () => {
    const t = setup();
    expect((await t.recent.read("a", async () => "A", { maxAgeMs: 5_000 })).value).toBe("A");
    expect((await t.recent.read("b", async () => "B", { maxAgeMs: 5_000 })).value).toBe("B");
    expect((await t.recent.read("a", async () => "A2", { maxAgeMs: 5_000 })).value).toBe("A");
  });
});
