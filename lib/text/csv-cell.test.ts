import { describe, expect, it } from "vitest";
import { parseCsv } from "@/tests/support/csv";
import { csvCell, isFormulaLike } from "./csv-cell";

describe("isFormulaLike", () => {
  it.each([
    "=1",
    "+1",
    "-1",
    "@A1",
    "\tx",
    "\rx",
    "  =1",
    "\n\n+1",
    "\u00a0-1",
    "\u2003@x",
    "\u3000=1",
    "\u200b=1",
    "\u2060=1",
    "\ufeff=1",
    "＝1",
    "＋1",
    "－1",
    "＠x",
    "﹦1",
    "﹢1",
    "﹣1",
    "﹫x",
    " ＝1",
  ])("%j is formula-like", (text) => expect(isFormulaLike(text)).toBe(true));
  it.each(["", "plain", "  plain", "a=b", "1-2", "sk-key", "\u3000名前", "x@example.com"])(
    "%j is not",
    (text) => expect(isFormulaLike(text)).toBe(false),
  );
});

describe("csvCell", () => {
  it("reads back, through the strict reader, as the value behind one apostrophe", () => {
    for (const text of ['  =HYPERLINK("http://evil","x")', " \r\n@SUM(A1)", "\t-1,2", "＝1+1"]) {
      const [[cell]] = parseCsv(`${csvCell(text)}\r\n`) as [[string]];
      expect(cell).toBe(`'${text}`);
    }
  });
  it("leaves numbers alone, even negative ones", () => {
    expect(csvCell(-5)).toBe("-5");
  });
});
