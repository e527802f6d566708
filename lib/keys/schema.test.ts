import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { NewKeyInput } from "@/lib/elevenlabs/types";
import { keyChangeSchema, newKeySchema } from "./schema";

const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) =>
  result.success ? [] : result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));

describe("newKeySchema", () => {
  it("accepts a restricted key with a limit and an allowlist, normalising the allowlist", () => {
    const parsed = newKeySchema.parse({
      name: "  tts-worker ",
      permissions: ["text_to_speech"],
      characterLimit: 1000,
      allowedIps: ["10.0.0.7/24", "2001:db8::1"],
    });
    expect(parsed).toEqual({
      name: "tts-worker",
      permissions: ["text_to_speech"],
      characterLimit: 1000,
      allowedIps: ["10.0.0.0/24", "2001:db8::1/128"],
    });
  });

  it.each([
    [{ name: "", permissions: "all" }, "name", "Enter a name"],
    [{ name: "x".repeat(300), permissions: "all" }, "name", "Use at most 100 characters"],
    [
      { name: "k", permissions: "all", characterLimit: -5 },
      "characterLimit",
      "Use a positive number (leave it empty for no limit)",
    ],
    [
      { name: "k", permissions: "all", characterLimit: 2.5 },
      "characterLimit",
      "Use a whole number of characters",
    ],
    [
      { name: "k", permissions: "all", characterLimit: "100" },
      "characterLimit",
      "Enter a whole number of characters",
    ],
    [{ name: "k", permissions: ["text_to_speech", "nope"] }, "permissions.1", 'Unknown permission "nope"'],
    [{ name: "k", permissions: 5 }, "permissions", 'Choose "all" or a list of permissions'],
    [
      { name: "k", permissions: "all", allowedIps: ["10.0.0.1", "bad"] },
      "allowedIps.1",
      '"bad" is not an IPv4 or IPv6 address or CIDR range',
    ],
    [
      { name: "k", permissions: "all", allowedIps: ["10.0.0.1", "10.0.0.1/32"] },
      "allowedIps.1",
      "Same as entry 1 (10.0.0.1/32)",
    ],
    [
      { name: "k", permissions: "all", allowedIps: [] },
      "allowedIps",
      "Add at least one address, or remove the allowlist",
    ],
    [{ name: "k", permissions: "all", extra: 1 }, "", 'Unrecognized key: "extra"'],
  ])("refuses %j, naming %s", (input, path, message) => {
    const found = issues(newKeySchema.safeParse(input));
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.some((i) => i.path === path || i.path.startsWith(`${path}.`) || (path === "" && i.path === "")),
    ).toBe(true);
    if (message) expect(found.map((i) => i.message)).toContain(message);
  });

  it("refuses 101 allowlist entries and a duplicated permission", () => {
    const many = Array.from({ length: 101 }, (_, i) => `10.0.${Math.floor(i / 256)}.${i % 256}`);
    expect(
      issues(newKeySchema.safeParse({ name: "k", permissions: "all", allowedIps: many })),
    ).toContainEqual({ path: "allowedIps", message: "Use at most 100 entries" });
    expect(
      issues(newKeySchema.safeParse({ name: "k", permissions: ["voices_read", "voices_read"] })),
    ).toContainEqual({ path: "permissions.1", message: "voices_read is listed twice" });
  });
});

describe("keyChangeSchema", () => {
  it("takes only the changed fields with their expected values, and null to clear", () => {
    const parsed = keyChangeSchema.parse({ characterLimit: null, expected: { characterLimit: 5000 } });
    expect(parsed).toEqual({ characterLimit: null, expected: { characterLimit: 5000 } });
  });
  it("refuses a change without what it started from, and an empty change", () => {
    expect(issues(keyChangeSchema.safeParse({ enabled: false, expected: {} }))).toContainEqual({
      path: "expected.enabled",
      message: "Say what enabled was when the edit began",
    });
    expect(issues(keyChangeSchema.safeParse({ expected: {} }))).toContainEqual({
      path: "",
      message: "Change at least one field",
    });
  });
});

describe("the new-key body", () => {
  it("is the domain's new-key shape, no more and no less (one type for one concept)", () => {
    expectTypeOf<z.output<typeof newKeySchema>>().toEqualTypeOf<NewKeyInput>();
  });
});
