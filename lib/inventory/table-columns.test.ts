import { describe, expect, it } from "vitest";
import { DEFAULT_COLUMNS, parseColumns, tableRem } from "./table-columns";

describe("parseColumns", () => {
  it("reads a stored choice back in the table's order", () => {
    expect(parseColumns(JSON.stringify(["risk", "hint", "connection"]))).toEqual([
      "connection",
      "hint",
      "risk",
    ]);
    expect(parseColumns("[]")).toEqual([]);
  });
  it("falls back to the defaults for nothing stored, bad JSON or unknown columns", () => {
    expect(parseColumns(null)).toBe(DEFAULT_COLUMNS);
    expect(parseColumns("{not json")).toBe(DEFAULT_COLUMNS);
    expect(parseColumns(JSON.stringify(["connection", "secret"]))).toBe(DEFAULT_COLUMNS);
    expect(parseColumns(JSON.stringify({ connection: true }))).toBe(DEFAULT_COLUMNS);
  });
});

describe("tableRem", () => {
  it("fits the default columns and the selection box in a 1440-pixel screen's content (1100 px = 68.75rem)", () => {
    expect(tableRem(DEFAULT_COLUMNS, true) * 16).toBeLessThanOrEqual(1100 - 16); // room for a scroll bar
  });
  it("adds each chosen column's width to the name's", () => {
    expect(tableRem([], false)).toBe(11.5);
    expect(tableRem(["hint"], true)).toBe(11.5 + 5 + 2.5);
  });
});
