import { describe, expect, it } from "vitest";
import { checkReadiness, shareRecent } from "./readiness";

const never = () => new Promise<void>(() => undefined);

describe("checkReadiness", () => {
  it("is ready when every check passes", async () => {
    const result = await checkReadiness({ database: async () => {}, upstream: async () => {} }, 1_000);
    expect(result).toEqual({ ready: true, failures: [] });
  });

  it("is not ready when a check throws, and names that check with its error", async () => {
    const boom = new Error("connection refused");
    const result = await checkReadiness(
      {
        database: async () => {},
        upstream: async () => {
          throw boom;
        },
      },
      1_000,
    );
    expect(result.ready).toBe(false);
    expect(result.failures).toEqual([{ check: "upstream", reason: "failed", error: boom }]);
  });

  it("is not ready when a check does not settle within the time limit", async () => {
    const result = await checkReadiness({ database: never, upstream: async () => {} }, 10);
    expect(result.ready).toBe(false);
    expect(result.failures).toEqual([{ check: "database", reason: "timed_out", error: null }]);
  });

  it("runs the checks side by side: one hanging check does not keep the others from reporting", async () => {
    const result = await checkReadiness(
      {
        database: never,
        upstream: async () => {
          throw new Error("401");
        },
      },
      10,
    );
    expect(result.failures.map((f) => [f.check, f.reason])).toEqual([
      ["database", "timed_out"],
      ["upstream", "failed"],
    ]);
  });
});

describe("shareRecent", () => {
  function counted() {
    let calls = 0;
    const pending: Array<(value: number) => void> = [];
    const run = () => {
      calls++;
      return new Promise<number>((resolve) => pending.push(resolve));
    };
    return { run, calls: () => calls, settle: (value: number) => pending.shift()!(value) };
  }

  it("gives concurrent callers the one check already running", async () => {
    const probe = counted();
    const shared = shareRecent(probe.run, 1_000, () => 0);
    const first = shared();
    const second = shared();
    expect(probe.calls()).toBe(1);
    probe.settle(7);
    expect(await first).toBe(7);
    expect(await second).toBe(7);
  });

  it("reuses a finished result for the given time, then checks again", async () => {
    const probe = counted();
    let clock = 0;
    const shared = shareRecent(probe.run, 1_000, () => clock);
    const first = shared();
    probe.settle(1);
    await first;
    clock = 999;
    expect(await shared()).toBe(1);
    expect(probe.calls()).toBe(1);
    clock = 1_000;
    const fresh = shared();
    expect(probe.calls()).toBe(2);
    probe.settle(2);
    expect(await fresh).toBe(2);
  });

  it("does not keep a check that threw", async () => {
    let calls = 0;
    const shared = shareRecent(
      async () => {
        calls++;
        if (calls === 1) throw new Error("boom");
        return "ok";
      },
      1_000,
      () => 0,
    );
    await expect(shared()).rejects.toThrow("boom");
    expect(await shared()).toBe("ok");
  });
});
