import { describe, expect, it } from "vitest";
import { formatCharacterLimit, visibleText } from "./format";

describe("visibleText", () => {
  it("spells out NUL, controls, direction marks and lone surrogates, and leaves the rest", () => {
    expect(visibleText("a\u0000b")).toBe("a\\u0000b");
    expect(visibleText("x\ud800y")).toBe("x\\ud800y");
    expect(visibleText("\udc00")).toBe("\\udc00");
    expect(visibleText("x\ufffdy")).toBe("x\ufffdy");
    expect(visibleText("tab\there\u202e")).toBe("tab\\u0009here\\u202e");
    expect(visibleText("😀 naïve 名前")).toBe("😀 naïve 名前");
  });
});

describe("formatCharacterLimit", () => {
  it("says a limit of 0 blocks the key, and reads others as characters or no limit", () => {
    expect(formatCharacterLimit(0)).toBe("Blocked (limit 0)");
    expect(formatCharacterLimit(null)).toBe("No limit");
    expect(formatCharacterLimit(25_000)).toBe("25,000 characters");
  });
});
