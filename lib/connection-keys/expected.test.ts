import { describe, expect, it } from "vitest";
import type { ConnectionKeyView } from "./types";
import { expectedOf, movedFields } from "./expected";
import { connectionKeyChangeSchema } from "./schema";

const key: ConnectionKeyView = {
  id: "k1",
  name: "Reports",
  group: null,
  owner: "Ann",
  hint: "abcd",
  enabled: true,
  disableReason: null,
  createdAt: null,
  lastUsedAt: null,
  expiresAt: null,
  permissions: { kind: "scopes", value: ["files:read", "rooms:write"], unknown: [] },
  restrictions: {
    allowedOrigins: ["https://a.example", "https://b.example"],
    assistants: { allowed: ["1"], transient: false },
  },
};

describe("an edit's expected values", () => {
  it("are what the edit saw of the fields it changes, and only those", () => {
    expect(
      expectedOf(key, {
        name: "New",
        enabled: false,
        assistants: { transient: true },
        permissions: { kind: "scopes", value: "all" },
      }),
    ).toEqual({
      name: "Reports",
      enabled: true,
      assistants: { transient: false },
      permissions: { kind: "scopes", value: ["files:read", "rooms:write"] },
    });
  });

  it("find the fields that moved since, lists compared as sets", () => {
    const seen = expectedOf(key, {
      name: "New",
      allowedOrigins: [],
      permissions: { kind: "scopes", value: "all" },
      assistants: { allowed: [] },
    });
    expect(movedFields(key, seen)).toEqual([]);
    const reordered = {
      ...key,
      permissions: {
        kind: "scopes" as const,
        value: ["rooms:write" as const, "files:read" as const],
        unknown: [],
      },
      restrictions: { ...key.restrictions, allowedOrigins: ["https://b.example", "https://a.example"] },
    };
    expect(movedFields(reordered, seen)).toEqual([]);
    // Someone else renamed it, narrowed its scopes and flipped `transient` (which this edit does not name).
    const changed = {
      ...key,
      name: "Theirs",
      permissions: { kind: "scopes" as const, value: ["files:read" as const], unknown: [] },
      restrictions: { ...key.restrictions, assistants: { allowed: ["1"], transient: true } },
    };
    expect(movedFields(changed, seen)).toEqual(["name", "permissions"]);
    expect(movedFields(changed, undefined)).toEqual([]);
    expect(movedFields({ ...key, enabled: false }, { enabled: true })).toEqual(["enabled"]);
  });

  it("are refused for a field the change does not make, naming it", () => {
    const ok = connectionKeyChangeSchema.safeParse({ name: "New", expected: { name: "Reports" } });
    expect(ok.success).toBe(true);
    const bad = connectionKeyChangeSchema.safeParse({
      name: "New",
      expected: { name: "Reports", enabled: true },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["expected.enabled"]);
    const unknownField = connectionKeyChangeSchema.safeParse({ name: "New", expected: { colour: "red" } });
    expect(unknownField.success).toBe(false);
  });
});
