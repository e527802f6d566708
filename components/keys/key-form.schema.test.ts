import { describe, expect, it } from "vitest";
import { newKeySchema } from "@/lib/keys/schema";
import { newKeyFormSchema, NO_PERMISSION_MESSAGE } from "./key-form.schema";

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
