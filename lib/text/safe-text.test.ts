import { describe, expect, it } from "vitest";
import { findBadText, NUL_MESSAGE, SURROGATE_MESSAGE, textProblem } from "./safe-text";
import { looksLikeSecret } from "./secret-pattern";

describe("textProblem", () => {
  it("finds a NUL byte and each kind of unpaired surrogate", () => {
    expect(textProblem("a\u0000b")).toBe(NUL_MESSAGE);
    expect(textProblem("\ud800")).toBe(SURROGATE_MESSAGE);
    expect(textProblem("a\ud800b")).toBe(SURROGATE_MESSAGE);
    expect(textProblem("a\udc00")).toBe(SURROGATE_MESSAGE);
    expect(textProblem("\udc00\ud800")).toBe(SURROGATE_MESSAGE);
    expect(textProblem("\ud83d\ud83d\ude00")).toBe(SURROGATE_MESSAGE);
  });

  it("accepts ordinary text, emoji and other pairs, and other control characters", () => {
    for (const ok of ["", "plain", "Zoë", "😀", "a😀b😀", "𠀀", "tab\there", "\u0001", "\ufffd"])
      expect(textProblem(ok)).toBeNull();
  });
});

describe("findBadText", () => {
  it("walks objects and arrays, naming each bad string's path, and refuses bad field names without echoing them", () => {
    expect(
      findBadText({ a: "ok", b: ["x", "y\u0000"], c: { d: "\ud800" }, n: 1, z: null, "e\u0000": "fine" }),
    ).toEqual([
      { path: ["b", 1], message: NUL_MESSAGE },
      { path: ["c", "d"], message: SURROGATE_MESSAGE },
      { path: [], message: "A field name must not contain a NUL byte" },
    ]);
    expect(findBadText("\u0000")).toEqual([{ path: [], message: NUL_MESSAGE }]);
    expect(findBadText({ ok: ["fine", { deeper: "fine" }] })).toEqual([]);
  });

  it("stops at 20 problems", () => {
    expect(findBadText(Array.from({ length: 1000 }, () => "\u0000"))).toHaveLength(20);
  });
});

describe("looksLikeSecret", () => {
  it("matches sk_ and 32 or more hex digits anywhere, in any case", () => {
    expect(looksLikeSecret(`sk_${"a".repeat(48)}`)).toBe(true);
    expect(looksLikeSecret(`key: SK_${"A1".repeat(16)} copy`)).toBe(true);
    expect(looksLikeSecret(`sk_${"a".repeat(31)}`)).toBe(false);
    expect(looksLikeSecret("sk_live_not_hex_at_all_but_long_enough_to_matter")).toBe(false);
  });
});
