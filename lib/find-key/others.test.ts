// Another connection's part of a search, on plain data: how each key matched in the provider's
// terms, how sure that is, the leak response its capabilities allow, and what reaches the page.
import { describe, expect, it } from "vitest";
import type { ConnectionRead } from "@/lib/connections/read-all";
import { DOCSPACE_CAPABILITIES } from "@/lib/providers/docspace/capabilities";
import { VOICEABLE_CAPABILITIES } from "@/lib/providers/voiceable/capabilities";
import type { ProviderCapabilities, ProviderKey } from "@/lib/providers/types";
import { searchRead } from "./others";

const SECRET = `sk-${"ab12".repeat(12)}`;

function key(id: string, name: string, hint: string, enabled: boolean | null): ProviderKey {
  return {
    id,
    name,
    group: null,
    owner: "Ann Admin",
    hint,
    secretHash: null,
    enabled,
    disableReason: null,
    createdAt: null,
    lastUsedAt: null,
    expiresAt: null,
    permissions: { kind: "scopes", value: "all", unknown: [] },
    restrictions: {},
  };
}

function read(caps: ProviderCapabilities, keys: ProviderKey[]): ConnectionRead {
  return {
    connection: {
      id: "conn_1",
      name: "Portal",
      provider: caps === DOCSPACE_CAPABILITIES ? "docspace" : "voiceable",
      baseUrl: "https://portal.example.com",
      source: "database",
      credentialHint: "WXYZ",
      createdAt: null,
    },
    capabilities: caps,
    ok: true,
    keys,
    readAt: "2026-12-06T10:00:00.000Z",
  };
}

describe("searchRead", () => {
  it("matches a pasted secret by its postfix (possible) and says the connection and its leak response", () => {
    const result = searchRead(
      read(DOCSPACE_CAPABILITIES, [key("k1", "ci", "ab12", true), key("k2", "other", "ffff", true)]),
      SECRET,
    );
    expect(result).toEqual({
      connection: { id: "conn_1", name: "Portal", providerLabel: "ONLYOFFICE DocSpace" },
      leak: { disable: true, responses: ["disable", "rotate", "delete"] },
      doctorKind: { permissionModel: "scopes", ipAllowlist: false },
      ok: true,
      candidates: [
        {
          key: { id: "k1", name: "ci", group: null, owner: "Ann Admin", hint: "ab12", enabled: true },
          matchedBy: ["hint"],
          certainty: "possible",
        },
      ],
      total: 1,
      omitted: 0,
    });
    // Never the query, never a hash or a key's settings.
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain("permissions");
  });

  it("ranks an id (exact) before a whole name (likely) before part of one (possible), and caps", () => {
    const keys = [key("x1", "deploy bot", "0000", null), key("deploy", "Deploy", "1111", null)];
    const result = searchRead(read(VOICEABLE_CAPABILITIES, keys), "deploy");
    expect(result.ok && result.candidates.map((c) => [c.key.id, c.matchedBy, c.certainty])).toEqual([
      ["deploy", ["id", "name"], "exact"],
      ["x1", ["name"], "possible"],
    ]);
    expect(result.leak).toEqual({ disable: false, responses: ["rotate", "delete"] });
    const capped = searchRead(read(VOICEABLE_CAPABILITIES, keys), "deploy", 1);
    expect(capped).toMatchObject({ total: 2, omitted: 1 });
  });

  it("passes a failed read on with its error and request id", () => {
    const failed: ConnectionRead = {
      ...read(VOICEABLE_CAPABILITIES, []),
      ok: false,
      error: {
        code: "upstream_error",
        message: "Voiceable refused the credential (401).",
        upstreamRequestId: "r-9",
      },
    } as ConnectionRead;
    expect(searchRead(failed, "anything")).toMatchObject({
      ok: false,
      error: { message: "Voiceable refused the credential (401).", upstreamRequestId: "r-9" },
    });
  });
});
