import { describe, expect, it } from "vitest";
import { findKeyBodySchema } from "./schema";

const issues = (body: unknown) => {
  const result = findKeyBodySchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("findKeyBodySchema", () => {
  it("takes 1 to 500 characters, trimmed", () => {
    expect(findKeyBodySchema.parse({ query: "  ab12 " })).toEqual({ query: "ab12" });
    expect(findKeyBodySchema.parse({ query: "x".repeat(500) }).query).toHaveLength(500);
  });

  it("names the field for an empty, blank, too long, missing or non-text query", () => {
    expect(issues({ query: "" })).toEqual([
      ["query", "Enter a secret, its last four characters, a name or a key id"],
    ]);
    expect(issues({ query: "   " })).toEqual([
      ["query", "Enter a secret, its last four characters, a name or a key id"],
    ]);
    expect(issues({ query: "x".repeat(501) })).toEqual([["query", "Use at most 500 characters"]]);
    expect(issues({})).toEqual([["query", "Enter a secret, its last four characters, a name or a key id"]]);
    expect(issues({ query: 42 })).toEqual([["query", "Send the query as text"]]);
  });

  it("refuses an unknown field by name, without quoting any value", () => {
    const secret = `sk_${"a".repeat(48)}`;
    const found = issues({ query: "ab12", extra: secret });
    expect(found).toEqual([["", 'Unknown field "extra": send only "query"']]);
    expect(
      JSON.stringify(findKeyBodySchema.safeParse({ query: secret.slice(0, 600), extra: secret }).error),
    ).not.toContain(secret);
  });
});
