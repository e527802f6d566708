import { describe, expect, it } from "vitest";
import { parseRetryAfter, UpstreamError } from "./errors";
import { retryDelayMs, withRetries, type RetryPolicy } from "./retry";

const policy: RetryPolicy = { retries: 2, baseDelayMs: 100, maxRetryAfterMs: 10_000 };
const error = (kind: UpstreamError["kind"], retryAfterSeconds?: number) =>
  new UpstreamError({ kind, message: kind, retryAfterSeconds });

describe("retryDelayMs", () => {
  it("backs off exponentially with at most 50% jitter", () => {
    expect(retryDelayMs(error("unavailable"), 0, policy, () => 0)).toBe(100);
    expect(retryDelayMs(error("unavailable"), 1, policy, () => 0)).toBe(200);
    expect(retryDelayMs(error("unavailable"), 1, policy, () => 0.999)).toBeCloseTo(299.9);
  });
  it("stops after the allowed retries", () => {
    expect(retryDelayMs(error("unavailable"), 2, policy)).toBeNull();
  });
  it("waits exactly the Retry-After when it is given and short enough", () => {
    expect(retryDelayMs(error("rate_limited", 3), 0, policy)).toBe(3000);
    expect(retryDelayMs(error("rate_limited", 30), 0, policy)).toBeNull();
  });
  it("never retries what retrying cannot fix", () => {
    for (const kind of [
      "bad_admin_key",
      "missing_rights",
      "not_found",
      "validation",
      "rejected",
      "bad_response",
      "timeout",
    ] as const) {
      expect(retryDelayMs(error(kind), 0, policy)).toBeNull();
    }
  });
  it("never retries a refused base URL: nothing was sent, and the address stays refused", async () => {
    const refused = new UpstreamError({
      kind: "unavailable",
      message: "The connection's base URL was refused.",
      field: ["baseUrl"],
      addressRefused: true,
    });
    expect(refused.retryable).toBe(false);
    expect(retryDelayMs(refused, 0, { ...policy, retryTimeouts: true })).toBeNull();
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw refused;
        },
        (e) => e as UpstreamError,
        policy,
      ),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);
  });
  it("retries a timeout only when the policy says so (lib/providers' fetch clients), within the same bound", () => {
    const withTimeouts = { ...policy, retryTimeouts: true };
    expect(retryDelayMs(error("timeout"), 0, withTimeouts, () => 0)).toBe(100);
    expect(retryDelayMs(error("timeout"), 2, withTimeouts)).toBeNull();
    expect(retryDelayMs(error("bad_response"), 0, withTimeouts)).toBeNull();
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("5")).toBe(5);
    expect(parseRetryAfter(" 1.5 ")).toBe(1.5);
    const now = Date.parse("2026-11-24T10:00:00Z");
    expect(parseRetryAfter("Tue, 24 Nov 2026 10:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Tue, 24 Nov 2026 09:00:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
