import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/permissions";
import { sortRows } from "./sort-rows";
import { testRow } from "@/tests/support/inventory-rows";
import type { InventoryRow } from "./types";

const ids = (rows: InventoryRow[]) => rows.map((r) => r.id);

describe("sortRows", () => {
  it("sorts text columns numerically, ignoring case and accents, either way", () => {
    const rows = [
      testRow({ id: "a", name: "key 10" }),
      testRow({ id: "b", name: "Key 9" }),
      testRow({ id: "c", name: "éclair" }),
      testRow({ id: "d", name: "Apple" }),
    ];
    expect(ids(sortRows(rows, "name", "asc"))).toEqual(["d", "c", "b", "a"]);
    expect(ids(sortRows(rows, "name", "desc"))).toEqual(["a", "b", "c", "d"]);
  });

  it("sorts by service account name and by hint", () => {
    const rows = [
      testRow({ id: "a", serviceAccountName: "Zeta", hint: "0001" }),
      testRow({ id: "b", serviceAccountName: "alpha", hint: "ffff" }),
    ];
    expect(ids(sortRows(rows, "serviceAccount", "asc"))).toEqual(["b", "a"]);
    expect(ids(sortRows(rows, "hint", "asc"))).toEqual(["a", "b"]);
  });

  it("puts enabled keys first when ascending", () => {
    const rows = [testRow({ id: "off", enabled: false }), testRow({ id: "on" })];
    expect(ids(sortRows(rows, "status", "asc"))).toEqual(["on", "off"]);
    expect(ids(sortRows(rows, "status", "desc"))).toEqual(["off", "on"]);
  });

  it("sorts permissions by breadth, all above a full list", () => {
    const rows = [
      testRow({ id: "two", permissions: ["voices_read", "voices_write"] }),
      testRow({ id: "every", permissions: [...PERMISSIONS] }),
      testRow({ id: "none", permissions: [] }),
      testRow({ id: "all", permissions: "all" }),
      testRow({ id: "one", permissions: ["flows"] }),
    ];
    expect(ids(sortRows(rows, "permissions", "desc"))).toEqual(["all", "every", "two", "one", "none"]);
    expect(ids(sortRows(rows, "permissions", "asc"))).toEqual(["none", "one", "two", "every", "all"]);
  });

  it("sorts usage by share of the limit, not characters, with no-limit keys last both ways", () => {
    const rows = [
      testRow({ id: "nolimit-a", characterLimit: null, characterCount: 5 }),
      testRow({ id: "small-but-full", characterLimit: 10, characterCount: 9 }),
      testRow({ id: "big-but-empty", characterLimit: 1_000_000, characterCount: 1000 }),
      testRow({ id: "zero-used", characterLimit: 0, characterCount: 1 }),
      testRow({ id: "nolimit-b", characterLimit: null, characterCount: null }),
      testRow({ id: "zero-unused", characterLimit: 0, characterCount: 0 }),
    ];
    expect(ids(sortRows(rows, "usage", "desc"))).toEqual([
      "zero-used",
      "zero-unused",
      "small-but-full",
      "big-but-empty",
      "nolimit-a",
      "nolimit-b",
    ]);
    expect(ids(sortRows(rows, "usage", "asc"))).toEqual([
      "big-but-empty",
      "small-but-full",
      "zero-unused",
      "zero-used",
      "nolimit-a",
      "nolimit-b",
    ]);
  });

  it("sorts allowlists as text, with any-IP keys last both ways", () => {
    const rows = [
      testRow({ id: "any", allowedIps: null }),
      testRow({ id: "ten", allowedIps: ["10.0.0.0/8"] }),
      testRow({ id: "empty", allowedIps: [] }),
      testRow({ id: "v6", allowedIps: ["2001:db8::/32", "10.0.0.0/8"] }),
    ];
    expect(ids(sortRows(rows, "allowlist", "asc"))).toEqual(["empty", "ten", "v6", "any"]);
    expect(ids(sortRows(rows, "allowlist", "desc"))).toEqual(["v6", "ten", "empty", "any"]);
  });

  it("sorts creation as instants, unknown and unreadable dates last both ways", () => {
    const rows = [
      testRow({ id: "unknown", createdAt: null }),
      testRow({ id: "utc-9", createdAt: "2025-01-01T09:00:00Z" }),
      testRow({ id: "plus2-10", createdAt: "2025-01-01T10:00:00+02:00" }),
      testRow({ id: "junk", createdAt: "yesterday" }),
      testRow({ id: "later", createdAt: "2025-06-01T00:00:00Z" }),
    ];
    expect(ids(sortRows(rows, "createdAt", "desc"))).toEqual([
      "later",
      "utc-9",
      "plus2-10",
      "unknown",
      "junk",
    ]);
    expect(ids(sortRows(rows, "createdAt", "asc"))).toEqual([
      "plus2-10",
      "utc-9",
      "later",
      "unknown",
      "junk",
    ]);
  });

  it("sorts risk by the number of flags", () => {
    const rows = [
      testRow({ id: "one", allowedIps: null }),
      testRow({ id: "zero" }),
      testRow({ id: "three", permissions: "all", allowedIps: null }),
    ];
    expect(ids(sortRows(rows, "risk", "desc"))).toEqual(["three", "one", "zero"]);
  });

  it("keeps equal rows in their input order in both directions", () => {
    const rows = ["a", "b", "c", "d", "e", "f"].map((id, i) =>
      testRow({ id, name: i % 2 === 0 ? "same" : "other" }),
    );
    expect(ids(sortRows(rows, "name", "asc"))).toEqual(["b", "d", "f", "a", "c", "e"]);
    expect(ids(sortRows(rows, "name", "desc"))).toEqual(["a", "c", "e", "b", "d", "f"]);
    expect(ids(sortRows(rows, "hint", "desc"))).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("returns a new array and leaves the input alone", () => {
    const rows = [testRow({ id: "b", name: "b" }), testRow({ id: "a", name: "a" })];
    const out = sortRows(rows, "name", "asc");
    expect(ids(out)).toEqual(["a", "b"]);
    expect(ids(rows)).toEqual(["b", "a"]);
    expect(sortRows([], "usage", "desc")).toEqual([]);
  });
});
