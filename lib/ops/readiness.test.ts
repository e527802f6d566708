import { describe, expect, it } from "vitest";
import { checkReadiness } from "./readiness";

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
