import { describe, expect, it } from "vitest";
import { crossedThreshold, limitAlert } from "./limit-alerts";

const at = (used: number | null, limit: number | null) => ({ used, limit });

describe("crossedThreshold", () => {
  it("names the highest threshold crossed since the previous sample", () => {
    expect(crossedThreshold(at(10, 100), at(85, 100))).toBe(0.8);
    expect(crossedThreshold(at(10, 100), at(100, 100))).toBe(1);
    expect(crossedThreshold(at(85, 100), at(120, 100))).toBe(1);
  });
  it("says nothing while a key stays on the same side of a threshold", () => {
    expect(crossedThreshold(at(85, 100), at(90, 100))).toBeNull();
    expect(crossedThreshold(at(100, 100), at(100, 100))).toBeNull();
    expect(crossedThreshold(at(10, 100), at(50, 100))).toBeNull();
  });
  it("tells about a key first seen above a threshold", () => {
    expect(crossedThreshold(null, at(90, 100))).toBe(0.8);
  });
  it("ignores keys without a limit or a count", () => {
    expect(crossedThreshold(null, at(90, null))).toBeNull();
    expect(crossedThreshold(null, at(null, 100))).toBeNull();
    expect(crossedThreshold(null, at(90, 0))).toBeNull();
  });
  it("counts again after the monthly reset", () => {
    expect(crossedThreshold(at(5, 100), at(81, 100))).toBe(0.8);
  });
});

describe("limitAlert", () => {
  it("names the key, the share and the counts, and nothing secret", () => {
    const alert = limitAlert(
      {
        id: 1,
        connectionId: "primary",
        groupId: "sa_1",
        keyId: "key_1",
        sampledAt: "2026-12-07T00:00:00.000Z",
        used: 900,
        limit: 1000,
        lastUsedAt: null,
      },
      0.8,
      "ci-bot",
    );
    expect(alert).toMatchObject({
      kind: "limit_reached",
      severity: "warning",
      title: "Key “ci-bot” has used 80% of its character limit",
      usedShare: 0.8,
      target: { connectionId: "primary", group: "sa_1", keyId: "key_1", name: "ci-bot" },
    });
  });
});
