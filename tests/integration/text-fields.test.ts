// Every shared schema refuses text PostgreSQL cannot hold (a NUL byte, a lone UTF-16 surrogate)
// on the field that carries it, and the ones whose text ends up on the audit log refuse a pasted
// secret, so the route handlers answer 422 instead of failing later with a 500.
import { describe, expect, it } from "vitest";
import { safeParse, type $ZodType } from "zod/v4/core";
import { findKeyBodySchema } from "@/lib/find-key/schema";
import { parseInventoryFilters } from "@/lib/inventory/filters";
import { keyParamsSchema, serviceAccountParamsSchema } from "@/lib/keys/schema";
import { auditExportSchema, auditPageSchema } from "@/lib/audit/filters";
import { keyChangeSchema, newKeySchema, newServiceAccountSchema, reasonSchema } from "@/lib/keys/schema";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { acceptInviteSchema, newUserSchema, setPasswordSchema, userIdParamsSchema } from "@/lib/users/schema";

const NUL = "Must not contain a NUL byte";
const SURROGATE = "Contains an unpaired surrogate (broken Unicode text)";
const SECRET = `sk_${"0123456789abcdef".repeat(3)}`;
const SECRET_IN_NAMES = "Looks like an API key secret; do not paste secrets into names";

/** The first issue's path and message, as "path: message". */
function firstIssue(schema: $ZodType, input: unknown): string {
  const result = safeParse(schema, input);
  if (result.success) return "accepted";
  const issue = result.error.issues[0]!;
  return `${issue.path.join(".")}: ${issue.message}`;
}

const user = { email: "pat@example.com", name: "Pat", role: "support" };

describe("NUL bytes and lone surrogates", () => {
  it.each<[string, $ZodType, unknown, string]>([
    ["a key name", newKeySchema, { name: "a\u0000b", permissions: "all" }, "name"],
    [
      "an allowlist entry",
      newKeySchema,
      { name: "k", permissions: "all", allowedIps: ["10.0.0.1\u0000"] },
      "allowedIps.0",
    ],
    ["a changed name", keyChangeSchema, { name: "a\u0000", expected: { name: "b" } }, "name"],
    ["an expected name", keyChangeSchema, { name: "a", expected: { name: "b\u0000" } }, "expected.name"],
    [
      "an expected allowlist entry",
      keyChangeSchema,
      { allowedIps: null, expected: { allowedIps: ["1.2.3.4\u0000"] } },
      "expected.allowedIps.0",
    ],
    [
      "a reason",
      keyChangeSchema,
      { enabled: false, reason: "x\u0000", expected: { enabled: true } },
      "reason",
    ],
    ["a service account name", newServiceAccountSchema, { name: "\u0000" }, "name"],
    ["a user's email", newUserSchema, { ...user, email: "pat\u0000@example.com" }, "email"],
    ["a user's name", newUserSchema, { ...user, name: "P\u0000t" }, "name"],
    [
      "a password set with a one-time link",
      setPasswordSchema,
      { password: "Quiet-Harbour\u00004821", confirm: "Quiet-Harbour\u00004821" },
      "password",
    ],
    [
      "a one-time link's token",
      acceptInviteSchema,
      { token: "t\u0000", password: "Quiet-Harbour-4821" },
      "token",
    ],
    ["a user id", userIdParamsSchema, { userId: "u\u0000" }, "userId"],
    ["a service account id", serviceAccountParamsSchema, { saId: "s\u0000" }, "saId"],
    ["a key id", keyParamsSchema, { saId: "s", keyId: "k\u0000" }, "keyId"],
    ["a search", findKeyBodySchema, { query: "ab\u0000cd" }, "query"],
    ["an audit actor filter", auditPageSchema, { actor: "a\u0000" }, "actor"],
    ["an audit action filter", auditExportSchema, { format: "csv", action: "key\u0000" }, "action"],
    ["an audit target filter", auditPageSchema, { target: "\u0000" }, "target"],
    ["a sign-in email", signInSchema, { email: "a\u0000@example.com", password: "x" }, "email"],
  ])("refuses a NUL byte in %s", (_, schema, input, path) => {
    expect(firstIssue(schema, input)).toBe(`${path}: ${NUL}`);
  });

  it.each<[string, $ZodType, unknown, string]>([
    ["a key name (lone high half)", newKeySchema, { name: "ab\ud800cd", permissions: "all" }, "name"],
    ["a key name (lone low half)", newKeySchema, { name: "\udc00", permissions: "all" }, "name"],
    ["a key name (halves reversed)", newKeySchema, { name: "\ude00\ud83d", permissions: "all" }, "name"],
    ["a service account name", newServiceAccountSchema, { name: "x\ud800" }, "name"],
    ["a user's name", newUserSchema, { ...user, name: "Pat \ud800" }, "name"],
    ["a search", findKeyBodySchema, { query: "\udfff" }, "query"],
  ])("refuses an unpaired surrogate in %s", (_, schema, input, path) => {
    expect(firstIssue(schema, input)).toBe(`${path}: ${SURROGATE}`);
  });

  it("accepts whole surrogate pairs (emoji, rare scripts) and ordinary Unicode", () => {
    expect(newKeySchema.parse({ name: "tts 🎙️ worker 𠀀", permissions: "all" }).name).toBe(
      "tts 🎙️ worker 𠀀",
    );
    expect(newUserSchema.parse({ ...user, name: "Zoë Łukasiewicz 😀" }).name).toBe("Zoë Łukasiewicz 😀");
  });

  it("drops a bad inventory filter value with the reason (the page keeps working; the export refuses it)", () => {
    const { filters, problems } = parseInventoryFilters(new URLSearchParams("q=a%00b&sa=s%00a&sa=sa_ok"));
    expect(filters.q).toBe("");
    expect(filters.sa).toEqual(["sa_ok"]);
    expect(problems).toEqual([
      { param: "sa", message: NUL },
      { param: "q", message: NUL },
    ]);
  });
});

describe("a secret pasted into text the audit log keeps", () => {
  it.each<[string, $ZodType, unknown, string, string]>([
    ["a key name", newKeySchema, { name: SECRET, permissions: "all" }, "name", SECRET_IN_NAMES],
    [
      "a key name, in upper case inside other text",
      newKeySchema,
      { name: `prod ${SECRET.toUpperCase()}`, permissions: "all" },
      "name",
      SECRET_IN_NAMES,
    ],
    ["a new key name", keyChangeSchema, { name: SECRET, expected: { name: "b" } }, "name", SECRET_IN_NAMES],
    ["a service account name", newServiceAccountSchema, { name: SECRET }, "name", SECRET_IN_NAMES],
    ["a user's name", newUserSchema, { ...user, name: SECRET }, "name", SECRET_IN_NAMES],
    [
      "a user's email",
      newUserSchema,
      { ...user, email: `${SECRET}@example.com` },
      "email",
      "Looks like an API key secret; do not paste secrets into an email address",
    ],
    [
      "a reason",
      reasonSchema,
      `leaked: ${SECRET}`,
      "",
      "Looks like an API key secret; do not paste secrets into a reason",
    ],
    [
      "an audit target filter",
      auditExportSchema,
      { format: "csv", target: SECRET },
      "target",
      "Looks like an API key secret; to find a key by its secret, use Find a key",
    ],
    [
      "an audit actor filter",
      auditPageSchema,
      { actor: SECRET },
      "actor",
      "Looks like an API key secret; to find a key by its secret, use Find a key",
    ],
  ])("refuses %s, naming the field", (_, schema, input, path, message) => {
    expect(firstIssue(schema, input)).toBe(`${path}: ${message}`);
  });

  it("drops a secret-shaped inventory search or account id with the reason", () => {
    const { filters, problems } = parseInventoryFilters(new URLSearchParams(`q=${SECRET}&sa=${SECRET}`));
    expect(filters).toMatchObject({ q: "", sa: [] });
    expect(problems.map((p) => p.param)).toEqual(["sa", "q"]);
    for (const p of problems)
      expect(p.message).toBe("Looks like an API key secret; to find a key by its secret, use Find a key");
  });

  it("still lets Find a key take a secret (that is its job) and names that are merely sk_-ish", () => {
    expect(findKeyBodySchema.parse({ query: SECRET }).query).toBe(SECRET);
    expect(newKeySchema.parse({ name: "sk_short_name", permissions: "all" }).name).toBe("sk_short_name");
    expect(newKeySchema.parse({ name: `sk_${"a".repeat(31)}`, permissions: "all" }).name).toBe(
      `sk_${"a".repeat(31)}`,
    );
  });

  it("never quotes the secret in the message", () => {
    const result = newKeySchema.safeParse({ name: SECRET, permissions: "all" });
    expect(JSON.stringify(result.error)).not.toContain(SECRET);
  });
});
