import { describe, expect, it } from "vitest";
import { characterLimitSchema } from "@/lib/keys/schema";
import { formatCharacterLimit, parseCharacterLimit } from "./character-limit.logic";

describe("character limit input", () => {
  it("empty means no limit; separators are fine", () => {
    expect(parseCharacterLimit("")).toBeNull();
    expect(parseCharacterLimit("  ")).toBeNull();
    expect(parseCharacterLimit("1,000,000")).toBe(1_000_000);
    expect(parseCharacterLimit("250 000")).toBe(250_000);
  });

  it("hands anything else to the shared schema, which explains it", () => {
    expect(characterLimitSchema.safeParse(parseCharacterLimit("abc")).success).toBe(false);
    expect(characterLimitSchema.safeParse(parseCharacterLimit("1.5")).error?.issues[0]?.message).toBe(
      "Use a whole number of characters",
    );
    expect(characterLimitSchema.safeParse(parseCharacterLimit("0")).error?.issues[0]?.message).toMatch(
      /positive/,
    );
    expect(characterLimitSchema.safeParse(parseCharacterLimit("-3")).success).toBe(false);
  });

  it("shows thousands separators", () => {
    expect(formatCharacterLimit(5_000_000)).toBe("5,000,000");
    expect(formatCharacterLimit(null)).toBe("");
    expect(formatCharacterLimit(Number.NaN)).toBe("");
  });
});
