import { describe, expect, it } from "vitest";
import {
  checkAllowlistRows,
  pasteIntoRows,
  rowsToAllowedIps,
  splitPastedEntries,
  testAddress,
} from "./allowlist.logic";

describe("allowlist editor", () => {
  it("splits pasted text on lines, commas and spaces", () => {
    expect(splitPastedEntries("10.0.0.1\n10.0.0.2, 2001:db8::/32\r\n\n  192.168.0.0/16 ")).toEqual([
      "10.0.0.1",
      "10.0.0.2",
      "2001:db8::/32",
      "192.168.0.0/16",
    ]);
  });

  it("pastes many lines into one row and keeps an empty row to type in", () => {
    expect(pasteIntoRows(["1.1.1.1", ""], 1, "10.0.0.1\n10.0.0.2")).toEqual([
      "1.1.1.1",
      "10.0.0.1",
      "10.0.0.2",
      "",
    ]);
    expect(pasteIntoRows([""], 0, "")).toEqual([""]);
  });

  it("shows each entry as it will be saved, and flags bad entries and repeats", () => {
    const { rows, validEntries } = checkAllowlistRows([
      "10.0.0.1",
      "10.0.0.7/24",
      "nope",
      "10.0.0.1/32",
      "",
      "2001:DB8::1",
    ]);
    expect(rows.map((r) => r.normalised)).toEqual([
      "10.0.0.1/32",
      "10.0.0.0/24",
      null,
      "10.0.0.1/32",
      null,
      "2001:db8::1/128",
    ]);
    expect(rows[2]!.error).toMatch(/not an IPv4 or IPv6/);
    expect(rows[3]!.duplicateOf).toBe(0);
    expect(rows[3]!.error).toBe("Same as entry 1 (10.0.0.1/32)");
    expect(rows[4]!.error).toBeNull();
    expect(validEntries).toEqual(["10.0.0.1/32", "10.0.0.0/24", "2001:db8::1/128"]);
  });

  it("allows at most 100 entries", () => {
    const rows = Array.from({ length: 101 }, (_, i) => `10.0.${Math.floor(i / 256)}.${i % 256}`);
    expect(checkAllowlistRows(rows).tooMany).toBe(true);
    expect(checkAllowlistRows(rows.slice(0, 100)).tooMany).toBe(false);
  });

  it("turns empty rows into no allowlist", () => {
    expect(rowsToAllowedIps(["", "  "])).toBeNull();
    expect(rowsToAllowedIps([" 10.0.0.1 ", ""])).toEqual(["10.0.0.1"]);
  });

  it("answers whether an address would be allowed", () => {
    expect(testAddress(["203.0.113.0/24"], "203.0.113.9")).toEqual({
      kind: "allowed",
      reason: "matches 203.0.113.0/24",
    });
    expect(testAddress(["203.0.113.0/24"], "198.51.100.1")).toEqual({ kind: "refused" });
    expect(testAddress(null, "198.51.100.1").kind).toBe("allowed");
    expect(testAddress(["203.0.113.0/24"], "not-an-ip")).toEqual({ kind: "invalid" });
    expect(testAddress(["203.0.113.0/24"], " ")).toEqual({ kind: "empty" });
  });
});
