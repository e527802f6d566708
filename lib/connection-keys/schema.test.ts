// The per-connection keys API's bodies: each refusal names its field (down to the list index), the
// same way for every provider; valid bodies parse to exactly what was sent.
import { describe, expect, it } from "vitest";
import {
  connectionKeyChangeSchema,
  keyGroupQuerySchema,
  newConnectionKeySchema,
  originProblem,
  rotateConnectionKeySchema,
} from "./schema";

function paths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.success ? [] : result.error!.issues.map((i) => i.path.join("."));
}

describe("new key body", () => {
  it("takes each provider's model of permissions and its restrictions, as sent", () => {
    const docspace = {
      name: "Backups",
      permissions: { kind: "scopes", value: ["files:read", "rooms:write"] },
      expiresInDays: 30,
    };
    expect(newConnectionKeySchema.parse(docspace)).toEqual(docspace);
    const voiceable = {
      name: "Widget",
      permissions: { kind: "key_type", value: "public" },
      allowedOrigins: ["https://shop.example.com", "http://localhost:3000", "http://[::1]:8080"],
      assistants: { allowed: ["12", "asst_9"], transient: false },
    };
    expect(newConnectionKeySchema.parse(voiceable)).toEqual(voiceable);
    expect(
      newConnectionKeySchema.parse({
        name: "All",
        groupId: "sa_1",
        permissions: { kind: "permission_list", value: "all" },
        ipAllowlist: ["10.0.0.0/8"],
        characterLimit: 1000,
      }),
    ).toMatchObject({ ipAllowlist: ["10.0.0.0/8"], characterLimit: 1000 });
  });

  it("names the field of each problem", () => {
    expect(
      paths(newConnectionKeySchema.safeParse({ permissions: { kind: "scopes", value: "all" } })),
    ).toEqual(["name"]);
    expect(
      paths(
        newConnectionKeySchema.safeParse({
          name: "k",
          permissions: { kind: "scopes", value: ["files:read", "nope", "files:read"] },
        }),
      ),
    ).toEqual(["permissions.value.1", "permissions.value.2"]);
    expect(
      paths(newConnectionKeySchema.safeParse({ name: "k", permissions: { kind: "scopes", value: [] } })),
    ).toEqual(["permissions.value"]);
    expect(
      paths(newConnectionKeySchema.safeParse({ name: "k", permissions: { kind: "roles", value: "all" } })),
    ).toEqual(["permissions.kind"]);
    expect(
      paths(newConnectionKeySchema.safeParse({ name: "k", permissions: { kind: "key_type", value: "all" } })),
    ).toEqual(["permissions.value"]);
    expect(
      paths(
        newConnectionKeySchema.safeParse({
          name: "k",
          permissions: { kind: "key_type", value: "public" },
          allowedOrigins: ["https://a.example", "https://a.example/", "*.example.com", "https://a.example"],
        }),
      ),
    ).toEqual(["allowedOrigins.1", "allowedOrigins.2", "allowedOrigins.3"]);
    expect(
      paths(
        newConnectionKeySchema.safeParse({
          name: "k",
          permissions: { kind: "key_type", value: "public" },
          assistants: { allowed: ["1", ""], transient: "yes" },
        }),
      ),
    ).toEqual(["assistants.allowed.1", "assistants.transient"]);
    expect(
      paths(
        newConnectionKeySchema.safeParse({
          name: "k",
          permissions: { kind: "scopes", value: "all" },
          expiresInDays: 1.5,
        }),
      ),
    ).toEqual(["expiresInDays"]);
    expect(
      paths(
        newConnectionKeySchema.safeParse({
          name: "k",
          permissions: { kind: "scopes", value: "all" },
          colour: "red",
        }),
      ),
    ).toEqual([""]);
  });

  it("refuses a secret pasted as a name without quoting it", () => {
    const secret = "sk_" + "a1".repeat(24);
    const result = newConnectionKeySchema.safeParse({
      name: secret,
      permissions: { kind: "scopes", value: "all" },
    });
    expect(paths(result)).toEqual(["name"]);
    expect(JSON.stringify(result.error)).not.toContain(secret);
  });
});

describe("origins", () => {
  it("accepts only what a browser sends as Origin", () => {
    expect(originProblem("https://shop.example.com:8443")).toBeNull();
    for (const bad of [
      "ftp://x.io",
      "https://x.io/",
      "https://x.io/path",
      "https://u@x.io",
      "https://X.io",
      "x.io",
      "https://x.io:443",
    ])
      expect(originProblem(bad), bad).not.toBeNull();
  });
});

describe("change body", () => {
  it("takes any one field, and the on/off switch with a reason", () => {
    expect(connectionKeyChangeSchema.parse({ name: "New" })).toEqual({ name: "New" });
    expect(connectionKeyChangeSchema.parse({ assistants: { transient: true } })).toEqual({
      assistants: { transient: true },
    });
    expect(connectionKeyChangeSchema.parse({ enabled: false, reason: "leaked in a ticket" })).toEqual({
      enabled: false,
      reason: "leaked in a ticket",
    });
  });

  it("refuses an empty change, an empty assistants change, and unknown fields", () => {
    expect(paths(connectionKeyChangeSchema.safeParse({}))).toEqual([""]);
    expect(paths(connectionKeyChangeSchema.safeParse({ reason: "why" }))).toEqual([""]);
    expect(paths(connectionKeyChangeSchema.safeParse({ assistants: {} }))).toEqual(["assistants"]);
    expect(paths(connectionKeyChangeSchema.safeParse({ name: "x", expiresInDays: 3 }))).toEqual([""]);
    expect(paths(connectionKeyChangeSchema.safeParse({ enabled: "no" }))).toEqual(["enabled"]);
  });
});

describe("rotate body and group query", () => {
  it("names the field", () => {
    expect(rotateConnectionKeySchema.parse({})).toEqual({});
    expect(paths(rotateConnectionKeySchema.safeParse({ expiresInDays: 0 }))).toEqual(["expiresInDays"]);
    expect(paths(keyGroupQuerySchema.safeParse({ group: "../x" }))).toEqual(["group"]);
    expect(keyGroupQuerySchema.parse({})).toEqual({});
  });
});
