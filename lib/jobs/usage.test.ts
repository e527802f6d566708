import { describe, expect, it } from "vitest";
import { thin } from "./usage";

describe("thin", () => {
  it("keeps every point when there are few", () => {
    expect(thin([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });
  it("keeps at most `max`, evenly spread, with the last one", () => {
    const points = Array.from({ length: 100 }, (_, i) => i);
    const kept = thin(points, 10);
    expect(kept).toHaveLength(10);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(99);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });
});
