import { describe, expect, it } from "vitest";
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt } from "./backoff";

describe("nextAttemptAt", () => {
  const now = new Date("2026-12-07T00:00:00Z");
  const delay = (attempts: number) => {
    const next = nextAttemptAt(attempts, now);
    return next ? (next.getTime() - now.getTime()) / 1000 : null;
  };

  it("doubles from 30 seconds and gives up after the last attempt", () => {
    expect([1, 2, 3, 4, 5].map(delay)).toEqual([30, 60, 120, 240, 480]);
    expect(delay(MAX_DELIVERY_ATTEMPTS)).toBeNull();
  });
});
