import { describe, expect, it } from "vitest";
import { keyChangeSchema, newKeySchema } from "@/lib/keys/schema";
import { editKeyFormSchema, newKeyFormSchema, NO_PERMISSION_MESSAGE } from "./key-form.schema";

const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

describe("newKeyFormSchema", () => {
  it("refuses a restricted key with no permission, on the permissions field", () => {
    const result = newKeyFormSchema.safeParse({ name: "k", permissions: [] });
    expect(result.success).toBe(false);
    expect(issues(result)).toEqual([["permissions", NO_PERMISSION_MESSAGE]]);
  });

  it("says so beside a problem in another field", () => {
    const result = newKeyFormSchema.safeParse({ name: "", permissions: [], characterLimit: 0 });
    expect(issues(result).map(([path]) => path)).toEqual(["name", "permissions", "characterLimit"]);
  });

  it("accepts one permission, or all, exactly as the server's schema does", () => {
    for (const input of [
      { name: " k ", permissions: ["voices_read"], characterLimit: 10, allowedIps: ["10.0.0.1"] },
      { name: "k", permissions: "all" },
    ]) {
      expect(newKeyFormSchema.parse(input)).toEqual(newKeySchema.parse(input));
    }
  });

  it("keeps the server's other refusals (unknown, repeated permissions)", () => {
    expect(issues(newKeyFormSchema.safeParse({ name: "k", permissions: ["nope", "voices_read"] }))).toEqual([
      ["permissions.0", 'Unknown permission "nope"'],
    ]);
  });

  it("leaves the server's schema accepting an empty list, as ElevenLabs does", () => {
    expect(newKeySchema.parse({ name: "k", permissions: [] }).permissions).toEqual([]);
  });
});

describe("editKeyFormSchema", () => {
  it("refuses emptying a restricted key's permissions, on the permissions field", () => {
    for (const startedWith of [["voices_read"], "all"] as const) {
      const result = editKeyFormSchema(startedWith === "all" ? "all" : [...startedWith]).safeParse({
        name: "k",
        permissions: [],
      });
      expect(result.success).toBe(false);
      expect(issues(result)).toEqual([["permissions", NO_PERMISSION_MESSAGE]]);
    }
  });

  it("lets a key that already has none keep none (renaming it, say)", () => {
    expect(editKeyFormSchema([]).parse({ name: "renamed", permissions: [] }).permissions).toEqual([]);
  });

  it("accepts a narrower list or all, as the server's schema does", () => {
    for (const permissions of [["voices_read"], "all"]) {
      const input = { name: "k", permissions, characterLimit: null, allowedIps: null };
      expect(editKeyFormSchema(["voices_read", "models_read"]).parse(input)).toEqual(
        newKeySchema.parse(input),
      );
    }
  });

  it("leaves the PATCH schema accepting an empty list, as ElevenLabs' PATCH does", () => {
    const body = { permissions: [], expected: { permissions: ["voices_read"] } };
    expect(keyChangeSchema.parse(body).permissions).toEqual([]);
  });
});
