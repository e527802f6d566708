import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/permissions";
import { RISK_FLAGS } from "./types";
import { closestToLimit, countFlags, inventoryRow, inventoryRows } from "./rows";
import { testKey, testRow } from "@/tests/support/inventory-rows";

describe("inventoryRow", () => {
  it("keeps every field of the key and adds flags and the precomputed values", () => {
    const key = testKey({
      name: "Café PROD",
      hint: "XY99",
      id: "key_ABC",
      serviceAccountName: "Big Team",
      allowedIps: null,
    });
    const row = inventoryRow(key);
    expect(row).toMatchObject(key);
    expect(row.flags).toEqual(["no_allowlist"]);
    expect(row.searchText).toBe("café prod\u0000xy99\u0000key_abc\u0000big team");
    expect(row.usageRatio).toBe(0.01);
    expect(row.breadth).toBe(1);
    expect(row.createdAtMs).toBe(Date.UTC(2025, 0, 1));
  });

  it("ranks all above a list of every permission, and counts repeats once", () => {
    expect(testRow({ permissions: "all" }).breadth).toBe(PERMISSIONS.length + 1);
    expect(testRow({ permissions: [...PERMISSIONS] }).breadth).toBe(PERMISSIONS.length);
    expect(testRow({ permissions: ["voices_read", "voices_read"] }).breadth).toBe(1);
    expect(testRow({ permissions: [] }).breadth).toBe(0);
  });

  it("gives no ratio without a limit, and handles a limit of 0 and an unknown count", () => {
    expect(testRow({ characterLimit: null }).usageRatio).toBeNull();
    expect(testRow({ characterLimit: 0, characterCount: 0 }).usageRatio).toBe(1);
    expect(testRow({ characterLimit: 0, characterCount: 3 }).usageRatio).toBe(Infinity);
    expect(testRow({ characterLimit: 200, characterCount: null }).usageRatio).toBe(0);
  });

  it("reads offsets in createdAt, and gives null for a missing or unreadable one", () => {
    expect(testRow({ createdAt: "2025-01-01T02:00:00+02:00" }).createdAtMs).toBe(Date.UTC(2025, 0, 1));
    expect(testRow({ createdAt: null }).createdAtMs).toBeNull();
    expect(testRow({ createdAt: "not a date" }).createdAtMs).toBeNull();
  });

  it("maps a list in order without changing the keys", () => {
    const keys = [testKey({ id: "a" }), testKey({ id: "b" })];
    const copy = structuredClone(keys);
    expect(inventoryRows(keys).map((r) => r.id)).toEqual(["a", "b"]);
    expect(keys).toEqual(copy);
    expect(inventoryRows([])).toEqual([]);
  });
});

describe("countFlags", () => {
  it("has every flag, zero when no row carries it", () => {
    expect(countFlags([])).toEqual(Object.fromEntries(RISK_FLAGS.map((f) => [f, 0])));
  });

  it("counts each row once per flag it carries", () => {
    const counts = countFlags([
      testRow({ permissions: "all" }),
      testRow({ permissions: ["workspace_write"], allowedIps: null }),
      testRow({ allowedIps: null, enabled: false }),
      testRow(),
    ]);
    expect(counts).toEqual({
      ...Object.fromEntries(RISK_FLAGS.map((f) => [f, 0])),
      unrestricted: 1,
      privileged: 2,
      no_allowlist: 2,
      disabled: 1,
    });
  });
});

describe("closestToLimit", () => {
  const rows = [
    testRow({ id: "none", characterLimit: null, characterCount: 999_999 }),
    testRow({ id: "half", characterLimit: 100, characterCount: 50 }),
    testRow({ id: "over", characterLimit: 100, characterCount: 130 }),
    testRow({ id: "zero-used", characterLimit: 0, characterCount: 1 }),
    testRow({ id: "unknown", characterLimit: 100, characterCount: null }),
    testRow({ id: "half-too", characterLimit: 10, characterCount: 5 }),
    testRow({ id: "zero-unused", characterLimit: 0, characterCount: 0 }),
  ];

  it("orders keys with a limit by share used, highest first, ties in input order", () => {
    expect(closestToLimit(rows, 10).map((r) => r.id)).toEqual([
      "zero-used",
      "over",
      "zero-unused",
      "half",
      "half-too",
      "unknown",
    ]);
  });

  it("takes at most n, and none for n of 0 or less", () => {
    expect(closestToLimit(rows, 2).map((r) => r.id)).toEqual(["zero-used", "over"]);
    expect(closestToLimit(rows, 0)).toEqual([]);
    expect(closestToLimit(rows, -1)).toEqual([]);
    expect(closestToLimit([], 5)).toEqual([]);
  });

  it("leaves the input order alone", () => {
    const ids = rows.map((r) => r.id);
    closestToLimit(rows, 3);
    expect(rows.map((r) => r.id)).toEqual(ids);
  });
});
