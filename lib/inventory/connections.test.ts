// The inventory across connections: keys of other providers in the inventory's shape, rows that
// carry their connection, the connection filter, risk flags per provider (from capabilities), one
// permission matrix per permission model, and the export's connection columns.
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/tests/support/csv";
import { testKey } from "@/tests/support/inventory-rows";
import { docspaceKey, PORTAL, PRIMARY, VOICE, voiceableKey } from "@/tests/support/provider-rows";
import { DEFAULT_INVENTORY_FILTERS } from "./filters";
import { filterRows } from "./filter-rows";
import { inventoryCsv, inventoryJsonDocument } from "./export";
import { matrixGroups, scopeAccess, scopeResources } from "./matrix";
import { toOtherConnectionRead, toOtherInventoryKey } from "./read-others";
import { allConnectionRows, inventoryRow } from "./rows";
import { sortRows } from "./sort-rows";
import { accessSummary, restrictionsSummary } from "./summaries";
import type { KeyPermissions } from "@/lib/providers/types";
import type { OtherConnectionRead } from "./connections";

const DAY = 24 * 3600_000;
const NOW = Date.UTC(2026, 11, 6);
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();

const docspaceRow = (o: Parameters<typeof docspaceKey>[0] = {}) =>
  inventoryRow(
    toOtherInventoryKey(docspaceKey({ createdAt: ago(1), lastUsedAt: ago(1), expiresAt: ago(-30), ...o })),
    PORTAL,
    NOW,
  );
const voiceRow = (o: Parameters<typeof voiceableKey>[0] = {}) =>
  inventoryRow(toOtherInventoryKey(voiceableKey(o)), VOICE, NOW);

describe("keys of other connections in the inventory's shape", () => {
  it("keeps what the provider has, field by field, and never the secret's hash", () => {
    const key = toOtherInventoryKey(docspaceKey({ secretHash: "ab".repeat(32) }));
    expect(key).toMatchObject({
      id: "ds_1",
      serviceAccountId: "",
      serviceAccountName: "",
      hint: "x9Q2",
      enabled: true,
      permissions: [],
      allowedIps: null,
      details: {
        owner: "Ann Admin",
        access: { kind: "scopes", value: ["files:read", "rooms:write"], unknown: [] },
        restrictions: {},
      },
    });
    expect(JSON.stringify(key)).not.toContain("ab".repeat(32));
    expect(JSON.stringify(key)).not.toMatch(/secretHash/);
  });

  it("has no enabled flag where the provider has no disable, and no hint where it has none", () => {
    const key = toOtherInventoryKey(voiceableKey());
    expect(key.enabled).toBeNull();
    expect(key.hint).toBe("");
  });

  it("says why a connection could not be read, with the upstream request id, and no keys", () => {
    const read = toOtherConnectionRead({
      connection: {
        id: VOICE.id,
        name: VOICE.name,
        provider: "voiceable",
        baseUrl: "https://api.example.com/api/v1",
        source: "database",
        credentialHint: "WXYZ",
        createdAt: null,
      },
      capabilities: VOICE.capabilities,
      ok: false,
      error: {
        code: "upstream_unauthorized",
        message: "Voiceable refused the credential.",
        upstreamRequestId: "req_9",
      },
    });
    expect(read).toEqual({
      connection: VOICE,
      ok: false,
      error: {
        code: "upstream_unauthorized",
        message: "Voiceable refused the credential.",
        upstreamRequestId: "req_9",
      },
    });
    // The browser's connection is its id, name, provider and capabilities: no base URL, no credential hint.
    expect(JSON.stringify(read)).not.toContain("WXYZ");
  });
});

describe("rows across connections", () => {
  const others: OtherConnectionRead[] = [
    {
      connection: PORTAL,
      ok: true,
      readAt: ago(0),
      keys: [toOtherInventoryKey(docspaceKey({ id: "key_1" }))],
    },
    {
      connection: VOICE,
      ok: false,
      error: { code: "timeout", message: "No answer.", upstreamRequestId: null },
    },
  ];
  const rows = allConnectionRows({ keys: [testKey({ id: "key_1" })], connection: PRIMARY }, others, NOW);

  it("puts the primary's rows first, then each readable connection's, each carrying its connection", () => {
    expect(rows.map((r) => [r.connection?.id, r.id])).toEqual([
      ["env-elevenlabs", "key_1"],
      ["conn_portal", "key_1"],
    ]);
  });

  it("gives equal key ids of two connections different row keys", () => {
    expect(new Set(rows.map((r) => r.rowKey)).size).toBe(2);
  });

  it("filters by connection, and finds a key by its owner or its connection's name", () => {
    const only = (connection: string[]) =>
      filterRows(rows, { ...DEFAULT_INVENTORY_FILTERS, connection }).map((r) => r.connection?.id);
    expect(only(["conn_portal"])).toEqual(["conn_portal"]);
    expect(only(["env-elevenlabs", "conn_portal"])).toEqual(["env-elevenlabs", "conn_portal"]);
    expect(only(["conn_gone"])).toEqual([]);
    expect(filterRows(rows, { ...DEFAULT_INVENTORY_FILTERS, q: "ann admin" })).toHaveLength(1);
    expect(filterRows(rows, { ...DEFAULT_INVENTORY_FILTERS, q: "support portal" })).toHaveLength(1);
  });

  it("keeps keys that cannot be disabled out of both status filters", () => {
    const mixed = [...rows, voiceRow()];
    expect(filterRows(mixed, { ...DEFAULT_INVENTORY_FILTERS, status: "enabled" })).toHaveLength(2);
    expect(filterRows(mixed, { ...DEFAULT_INVENTORY_FILTERS, status: "disabled" })).toHaveLength(0);
  });

  it("sorts by connection name", () => {
    const sorted = sortRows(
      [voiceRow(), docspaceRow(), inventoryRow(testKey(), PRIMARY, NOW)],
      "connection",
      "asc",
    );
    expect(sorted.map((r) => r.connection?.name)).toEqual([PRIMARY.name, PORTAL.name, VOICE.name]);
  });
});

describe("risk flags per provider", () => {
  it("flags nothing on a safe DocSpace key, and none of ElevenLabs' limit or allowlist flags", () => {
    expect(docspaceRow().flags).toEqual([]);
  });

  it("flags DocSpace keys unrestricted for * or *:write, not for *:read", () => {
    expect(docspaceRow({ permissions: { kind: "scopes", value: "all", unknown: [] } }).flags).toContain(
      "unrestricted",
    );
    expect(docspaceRow({ permissions: { kind: "scopes", value: ["*:write"], unknown: [] } }).flags).toContain(
      "unrestricted",
    );
    expect(
      docspaceRow({ permissions: { kind: "scopes", value: ["*:read"], unknown: [] } }).flags,
    ).not.toContain("unrestricted");
  });

  it("flags DocSpace keys without expiry, expired, disabled, and unused for 90 days", () => {
    expect(docspaceRow({ expiresAt: null }).flags).toEqual(["no_expiry"]);
    expect(docspaceRow({ expiresAt: ago(1) }).flags).toEqual(["expired"]);
    expect(docspaceRow({ enabled: false }).flags).toEqual(["disabled"]);
    expect(docspaceRow({ lastUsedAt: ago(90) }).flags).toEqual(["stale"]);
    expect(docspaceRow({ lastUsedAt: ago(89) }).flags).toEqual([]);
    // Never used: counted from its creation.
    expect(docspaceRow({ lastUsedAt: null, createdAt: ago(120) }).flags).toEqual(["stale"]);
    expect(docspaceRow({ lastUsedAt: null, createdAt: ago(10) }).flags).toEqual([]);
  });

  it("flags Voiceable private keys, public keys open to any website, and keys allowed every assistant", () => {
    expect(voiceRow().flags).toEqual([]);
    expect(voiceRow({ permissions: { kind: "key_type", value: "private" } }).flags).toEqual(["private_key"]);
    expect(
      voiceRow({ restrictions: { allowedOrigins: [], assistants: { allowed: ["a"], transient: false } } })
        .flags,
    ).toEqual(["any_origin"]);
    expect(
      voiceRow({
        restrictions: { allowedOrigins: ["https://x.io"], assistants: { allowed: [], transient: false } },
      }).flags,
    ).toEqual(["all_assistants"]);
    // A private key with no origins is flagged for what it is, not for origins it does not use.
    expect(
      voiceRow({
        permissions: { kind: "key_type", value: "private" },
        restrictions: { allowedOrigins: [], assistants: { allowed: [], transient: false } },
      }).flags,
    ).toEqual(["private_key", "all_assistants"]);
  });

  it("keeps ElevenLabs' flags for a second ElevenLabs connection, from its capabilities", () => {
    const second = { ...PRIMARY, id: "conn_eu", name: "EU workspace" };
    const key = toOtherInventoryKey({
      ...docspaceKey(),
      group: { id: "sa_1", name: "Prod" },
      owner: null,
      permissions: { kind: "permission_list", value: "all", unknown: [] },
      restrictions: { characterLimit: { limit: null, used: 5 }, ipAllowlist: null },
    });
    expect(inventoryRow(key, second, NOW).flags).toEqual([
      "unrestricted",
      "privileged",
      "no_allowlist",
      "no_limit",
    ]);
  });

  it("the risk filter works across connections", () => {
    const rows = [
      inventoryRow(testKey({ permissions: "all" }), PRIMARY, NOW),
      docspaceRow({ permissions: { kind: "scopes", value: "all", unknown: [] } }),
      docspaceRow({ id: "ds_2" }),
      voiceRow({ permissions: { kind: "key_type", value: "private" } }),
    ];
    const flagged = (risk: typeof DEFAULT_INVENTORY_FILTERS.risk) =>
      filterRows(rows, { ...DEFAULT_INVENTORY_FILTERS, risk }).map((r) => r.connection?.id);
    expect(flagged(["unrestricted"])).toEqual(["env-elevenlabs", "conn_portal"]);
    expect(flagged(["private_key"])).toEqual(["conn_voice"]);
  });
});

describe("one permission matrix per permission model", () => {
  it("reads DocSpace's resources from its scope catalogue", () => {
    expect(scopeResources(PORTAL.capabilities.permissions.values)).toEqual([
      "accounts.self",
      "accounts",
      "files",
      "rooms",
    ]);
    expect(scopeAccess("all", "files")).toBe("all");
    expect(scopeAccess(["*:write"], "files")).toBe("write");
    expect(scopeAccess(["*:read", "rooms:write"], "rooms")).toBe("write");
    expect(scopeAccess(["*:read"], "files")).toBe("read");
    expect(scopeAccess(["rooms:read"], "files")).toBe("none");
  });

  it("groups rows by model, with each model's columns and cells", () => {
    const groups = matrixGroups([
      inventoryRow(testKey({ permissions: "all" }), PRIMARY, NOW),
      docspaceRow(),
      voiceRow({ permissions: { kind: "key_type", value: "private" } }),
      inventoryRow(testKey({ id: "b" })), // a primary row without its connection
    ]);
    expect(groups.map((g) => [g.model.kind, g.providers, g.rows.length])).toEqual([
      ["permission_list", ["ElevenLabs"], 2],
      ["scopes", ["DocSpace"], 1],
      ["key_type", ["Voiceable"], 1],
    ]);
    const [eleven, scopes, keyType] = groups;
    expect(
      eleven!.model.cell({ kind: "permission_list", value: "all", unknown: [] }, eleven!.model.columns[0]!),
    ).toEqual({
      level: "all",
    });
    const files = scopes!.model.columns.find((c) => c.id === "files")!;
    const rooms = scopes!.model.columns.find((c) => c.id === "rooms")!;
    const access: KeyPermissions = { kind: "scopes", value: ["files:read", "rooms:write"], unknown: [] };
    expect(scopes!.model.cell(access, files)).toEqual({ level: "read" });
    expect(scopes!.model.cell(access, rooms)).toEqual({ level: "write" });
    expect(keyType!.model.columns).toHaveLength(1);
    expect(keyType!.model.cell({ kind: "key_type", value: "private" }, keyType!.model.columns[0]!)).toEqual({
      level: "all",
      label: "Private",
    });
  });
});

describe("summaries and the export across connections", () => {
  it("says a key's permissions in its own model", () => {
    expect(accessSummary({ kind: "scopes", value: "all", unknown: [] })).toBe("All scopes (*)");
    expect(accessSummary({ kind: "scopes", value: ["files:read"], unknown: [] })).toBe("files:read");
    expect(accessSummary({ kind: "key_type", value: "private" })).toBe("Private (full access)");
    expect(accessSummary({ kind: "permission_list", value: "all", unknown: [] })).toBe("All permissions");
  });

  it("shows only the restrictions the provider has", () => {
    expect(restrictionsSummary(docspaceRow(), PORTAL.capabilities).text).toBe("—");
    expect(restrictionsSummary(voiceRow(), VOICE.capabilities).text).toBe("1 origin; 1 assistant");
    expect(restrictionsSummary(inventoryRow(testKey({ allowedIps: null })), null).text).toBe("Any IP");
  });

  it("writes each row's connection, owner, access, expiry and last use", () => {
    const rows = [inventoryRow(testKey(), PRIMARY, NOW), docspaceRow(), voiceRow()];
    const meta = {
      generatedAt: ago(0),
      filters: { ...DEFAULT_INVENTORY_FILTERS, connection: ["conn_portal"] },
      connectionNames: new Map([["conn_portal", "Support portal"]]),
    };
    const [header, ...lines] = parseCsv(inventoryCsv(rows, meta));
    const col = (name: string) => header!.indexOf(name);
    expect(lines.map((l) => [l[col("connection_name")], l[col("provider")], l[col("status")]])).toEqual([
      [PRIMARY.name, "elevenlabs", "enabled"],
      ["Support portal", "docspace", "enabled"],
      ["Voice widget", "voiceable", "no disable"],
    ]);
    expect(lines[1]![col("owner")]).toBe("Ann Admin");
    expect(lines[1]![col("permissions")]).toBe("files:read rooms:write");
    expect(lines[1]![col("expires_at")]).toBe(ago(-30));
    expect(lines[2]![col("permissions")]).toBe("public");
    expect(lines[2]![col("origins")]).toBe("https://example.com");
    expect(lines[0]![col("filters")]).toBe("connection Support portal");

    const doc = inventoryJsonDocument(rows, meta);
    expect(doc.keys[1]).toMatchObject({
      connection: { id: "conn_portal", name: "Support portal", provider: "docspace" },
      owner: "Ann Admin",
      access: { kind: "scopes", value: ["files:read", "rooms:write"] },
      expiresAt: ago(-30),
    });
    expect(doc.keys[2]).toMatchObject({
      enabled: null,
      restrictions: { allowedOrigins: ["https://example.com"] },
    });
    expect(JSON.stringify(doc)).not.toMatch(/capabilities|credential/);
  });
});
