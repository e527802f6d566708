import { describe, expect, it } from "vitest";
import { clockTime, updatedAgo } from "./freshness";

describe("updatedAgo", () => {
  const at = "2026-12-06T18:00:00.000Z";
  const t = Date.parse(at);
  it("says how long ago the read began", () => {
    expect(updatedAgo(at, t + 500)).toBe("just now");
    expect(updatedAgo(at, t - 3_000)).toBe("just now"); // a clock a little behind the server's
    expect(updatedAgo(at, t + 12_400)).toBe("12 s ago");
    expect(updatedAgo(at, t + 185_000)).toBe("3 min ago");
    expect(updatedAgo(at, t + 2 * 3_600_000 + 5)).toBe("2 h ago");
    expect(updatedAgo("not a date", t)).toBe("");
  });
  it("prints the time as HH:MM:SS", () => {
    expect(clockTime(at)).toMatch(/^\d\d:\d\d:\d\d$/);
  });
});
