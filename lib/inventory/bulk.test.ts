import { describe, expect, it } from "vitest";
import {
  alreadyNote,
  bulkSummary,
  confirmLabel,
  partitionByTarget,
  progressToAnnounce,
  runBulk,
  type BulkItemResult,
} from "./bulk";

/** A promise the test settles by hand, so "which item is in flight" is decided by the test, not by timing. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Delays that finish items out of input order (deterministic, so a failure can be replayed). */
const delayFor = (i: number) => (i * 7) % 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("runBulk", () => {
  it("does every item once and reports each as it finishes, whatever the order they finish in", async () => {
    const items = range(12);
    const reported: BulkItemResult<number>[] = [];
    const calls: number[] = [];
    const result = await runBulk(
      items,
      async (i) => {
        calls.push(i);
        await sleep(delayFor(i));
      },
      { onProgress: (r) => reported.push(r) },
    );

    expect([...calls].sort((a, b) => a - b)).toEqual(items);
    expect([...result.done].sort((a, b) => a - b)).toEqual(items);
    expect(result.failed).toEqual([]);
    expect(result.skipped).toEqual([]);
    // Reported in finishing order: the same list as `done`, and not simply the input order.
    expect(reported.map((r) => r.item)).toEqual(result.done);
    expect(reported.map((r) => r.item)).not.toEqual(items);
    expect(reported.every((r) => r.outcome === "done")).toBe(true);
  });

  it("never has more than `concurrency` items in flight, and does use that many", async () => {
    for (const concurrency of [1, 3, 4]) {
      let inFlight = 0;
      let most = 0;
      await runBulk(
        range(20),
        async (i) => {
          inFlight++;
          most = Math.max(most, inFlight);
          await sleep(delayFor(i));
          inFlight--;
        },
        { concurrency },
      );
      expect(most).toBe(concurrency);
    }
  });

  it("defaults to four at a time", async () => {
    const pending = range(10).map(() => deferred());
    const started: number[] = [];
    const run = runBulk(range(10), (i) => {
      started.push(i);
      return pending[i]!.promise;
    });
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    pending[2]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    pending.forEach((p) => p.resolve());
    await run;
  });

  it("collects failures with their messages and carries on with the rest", async () => {
    const reported: BulkItemResult<number>[] = [];
    const result = await runBulk(
      range(8),
      async (i) => {
        await sleep(delayFor(i));
        if (i === 0) throw new Error("ElevenLabs is unavailable right now (HTTP 503).");
        if (i === 5) throw "not an Error";
      },
      { concurrency: 2, onProgress: (r) => reported.push(r) },
    );

    expect([...result.done].sort()).toEqual([1, 2, 3, 4, 6, 7]);
    expect(result.failed).toEqual(
      expect.arrayContaining([
        { item: 0, message: "ElevenLabs is unavailable right now (HTTP 503)." },
        { item: 5, message: "not an Error" },
      ]),
    );
    expect(result.failed).toHaveLength(2);
    expect(reported.filter((r) => r.outcome === "failed")).toHaveLength(2);
  });

  it("a work function that throws before returning a promise is a failure, not a crash", async () => {
    const result = await runBulk(["a", "b"], (item) => {
      if (item === "a") throw new Error("bad input");
      return Promise.resolve();
    });
    expect(result).toEqual({ done: ["b"], failed: [{ item: "a", message: "bad input" }], skipped: [] });
  });

  it("a listener that throws changes no outcome", async () => {
    const result = await runBulk([1, 2, 3], async () => {}, {
      onProgress: () => {
        throw new Error("listener bug");
      },
    });
    expect(result.done).toEqual([1, 2, 3]);
  });

  it("on cancel, reports the items not started at once, and lets the started ones finish", async () => {
    const pending = range(6).map(() => deferred());
    const started: number[] = [];
    const reported: BulkItemResult<number>[] = [];
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const run = runBulk(
      range(6),
      (i, signal) => {
        started.push(i);
        signals.push(signal);
        return pending[i]!.promise;
      },
      { concurrency: 2, signal: controller.signal, onProgress: (r) => reported.push(r) },
    );
    await tick();
    expect(started).toEqual([0, 1]);

    controller.abort();
    // Reported before the two in flight have finished.
    expect(reported).toEqual([2, 3, 4, 5].map((item) => ({ item, outcome: "cancelled" })));
    expect(signals.every((s) => s.aborted)).toBe(true);

    pending[1]!.reject(new Error("conflict"));
    pending[0]!.resolve();
    const result = await run;
    expect(started).toEqual([0, 1]); // nothing started after the stop
    expect(result).toEqual({ done: [0], failed: [{ item: 1, message: "conflict" }], skipped: [2, 3, 4, 5] });
    expect(reported).toHaveLength(6);
  });

  it("with a signal already aborted, starts nothing", async () => {
    let calls = 0;
    const result = await runBulk(
      ["a", "b"],
      async () => {
        calls++;
      },
      { signal: AbortSignal.abort() },
    );
    expect(calls).toBe(0);
    expect(result).toEqual({ done: [], failed: [], skipped: ["a", "b"] });
  });

  it("an empty list finishes at once", async () => {
    expect(await runBulk([], async () => {})).toEqual({ done: [], failed: [], skipped: [] });
  });

  it("refuses a concurrency that would run nothing or is not a whole number", async () => {
    await expect(runBulk([1], async () => {}, { concurrency: 0 })).rejects.toThrow(RangeError);
    await expect(runBulk([1], async () => {}, { concurrency: 2.5 })).rejects.toThrow(RangeError);
  });
});

describe("the bulk dialog's words", () => {
  const keys = [
    { id: "a", enabled: true },
    { id: "b", enabled: false },
    { id: "c", enabled: true },
    { id: "d", enabled: null },
  ];

  it("splits keys into those that change, those already in the target state and those that cannot", () => {
    expect(partitionByTarget(keys, "disable")).toEqual({
      toChange: [keys[0], keys[2]],
      already: [keys[1]],
      cannot: [keys[3]],
    });
    expect(partitionByTarget(keys, "enable")).toEqual({
      toChange: [keys[1]],
      already: [keys[0], keys[2]],
      cannot: [keys[3]],
    });
  });

  it("counts in the button, the note and the summary", () => {
    expect(confirmLabel("disable", 200)).toBe("Disable 200 keys");
    expect(confirmLabel("enable", 1)).toBe("Enable 1 key");
    expect(alreadyNote("disable", 3)).toBe("3 are already disabled and will be left alone.");
    expect(alreadyNote("enable", 1)).toBe("1 is already enabled and will be left alone.");
    expect(bulkSummary("disable", { done: 195, failed: 5, notStarted: 0 })).toBe("195 disabled, 5 failed.");
    expect(bulkSummary("enable", { done: 2, failed: 0, notStarted: 0 })).toBe("2 enabled.");
    expect(bulkSummary("disable", { done: 0, failed: 1, notStarted: 7 })).toBe(
      "0 disabled, 1 failed, 7 not started.",
    );
  });

  it("announces progress at each tenth and at the end, not on every key", () => {
    let announced = 0;
    const said: number[] = [];
    for (let finished = 1; finished <= 200; finished++) {
      const next = progressToAnnounce(announced, finished, 200);
      if (next !== announced) said.push(next);
      announced = next;
    }
    expect(said).toEqual([20, 40, 60, 80, 100, 120, 140, 160, 180, 200]);
    expect(progressToAnnounce(20, 37, 200)).toBe(20);
    // Small runs: every key is a tenth or more.
    expect(progressToAnnounce(0, 1, 2)).toBe(1);
    expect(progressToAnnounce(1, 2, 2)).toBe(2);
    // A stopped run ends early; the last count is said whatever the tenth.
    expect(progressToAnnounce(0, 0, 0)).toBe(0);
  });
});
