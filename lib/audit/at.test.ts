import { describe, expect, it } from "vitest";
import { toIsoAt } from "./at";

describe("toIsoAt", () => {
  it.each([
    ["2025-03-04 05:06:07.089+00", "2025-03-04T05:06:07.089Z"],
    ["2025-03-04 10:36:07.089+05:30", "2025-03-04T05:06:07.089Z"],
    ["2025-03-04 00:06:07.089-05", "2025-03-04T05:06:07.089Z"],
    ["2025-03-04 05:06:07+00", "2025-03-04T05:06:07.000Z"],
    ["2025-03-04 05:06:07.1+00", "2025-03-04T05:06:07.100Z"],
    ["2025-03-04 05:06:07.089123+00", "2025-03-04T05:06:07.089Z"],
    ["2025-03-04T05:06:07.089Z", "2025-03-04T05:06:07.089Z"],
  ])("reads %s", (input, expected) => {
    expect(toIsoAt(input)).toBe(expected);
  });

  it("accepts a Date and refuses nonsense", () => {
    expect(toIsoAt(new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)))).toBe("2025-01-02T03:04:05.006Z");
    expect(() => toIsoAt("yesterday-ish")).toThrow(/Unreadable/);
  });
});
