// A search across every connection below the route: the primary ElevenLabs workspace (an emulator),
// a DocSpace portal (its emulator, over HTTP), a Voiceable account whose credential is refused and
// one whose upstream hangs, a throwaway database for the audit log. Each connection keeps its own
// outcome; the pasted secret is nowhere but in the call.
process.env.ELEVENLABS_TIMEOUT_MS = "300"; // the hanging connection gives up fast (read once, lazily)

import { createHash } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/connections/types";
import type { ConnectionDeps } from "@/lib/connections/list";
import { setConnectionLimits } from "@/lib/connections/access";
import { user } from "@/lib/db/schema";
import { startDocspaceEmulator, type DocspaceEmulator } from "@/lib/emulator/docspace/server";
import { startVoiceableEmulator, type VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { createKey } from "@/lib/keys";
import {
  ADMIN_KEY,
  auditOf,
  ctxAs,
  everythingStored,
  failure,
  inject,
  keyTestbed,
} from "@/tests/support/key-testbed";
import { findKeyEverywhere } from "./everywhere";
import { disableElsewhere } from "./disable-elsewhere";

const bed = keyTestbed();
const DOCSPACE_ADMIN = "docspace_everywhere_admin";
const VOICEABLE_OWNER = "voiceable_everywhere_owner";
let docspace: DocspaceEmulator;
let refusing: VoiceableEmulator;
let hanging: VoiceableEmulator;

function connection(
  id: string,
  provider: Connection["provider"],
  baseUrl: string,
  credential: string,
): Connection {
  return {
    id,
    name: `${id} name`,
    provider,
    baseUrl,
    source: "file",
    credentialHint: "",
    createdAt: null,
    credential: async () => credential,
  };
}

/** `portalUrl`: where the DocSpace connection reaches its portal (a proxy in front of it, for one test). */
function deps(portalUrl?: string): { keys: typeof bed.deps; connections: ConnectionDeps } {
  return {
    keys: bed.deps,
    connections: {
      db: bed.deps.db,
      keys: () => {
        throw new Error("no stored connections here");
      },
      fixed: async () => [
        connection("env-elevenlabs", "elevenlabs", bed.emulator.url, ADMIN_KEY),
        connection("file-portal", "docspace", portalUrl ?? docspace.url, DOCSPACE_ADMIN),
        connection("file-refused", "voiceable", `${refusing.url}/api/v1`, "voiceable_wrong_credential"),
        connection("file-hanging", "voiceable", `${hanging.url}/api/v1`, VOICEABLE_OWNER),
      ],
      check: async () => ({ ok: true, summary: "" }),
    },
  };
}

/** A DocSpace key made as the portal's own settings page would, with the secret it was given. */
async function docspaceKey(name: string): Promise<{ id: string; secret: string }> {
  const res = await fetch(`${docspace.url}/api/2.0/keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${DOCSPACE_ADMIN}`, "content-type": "application/json" },
    body: JSON.stringify({ name, permissions: ["files:read"] }),
  });
  const { response } = (await res.json()) as { response: { id: string; key: string } };
  return { id: response.id, secret: response.key };
}

/** Switches a DocSpace key off straight at the portal, as its own settings page would. */
async function deactivateAtPortal(id: string): Promise<void> {
  const res = await fetch(`${docspace.url}/api/2.0/keys/${id}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${DOCSPACE_ADMIN}`, "content-type": "application/json" },
    body: JSON.stringify({ isActive: false }),
  });
  expect(res.status).toBe(200);
}

/**
 * A real HTTP proxy in front of the DocSpace emulator that runs `before` once, just before it
 * forwards the `nth` read of the key list: someone changing the key between two of Keydesk's reads.
 */
async function proxyBeforeRead(
  nth: number,
  before: () => Promise<void>,
): Promise<{ url: string; server: Server }> {
  const target = new URL(docspace.url);
  let reads = 0;
  const server = createServer((req, res) => {
    const go = async () => {
      if (req.method === "GET" && req.url === "/api/2.0/keys" && ++reads === nth) await before();
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
    };
    void go();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the proxy has no port");
  return { url: `http://127.0.0.1:${address.port}`, server };
}

beforeAll(async () => {
  docspace = await startDocspaceEmulator({ adminKeys: [DOCSPACE_ADMIN], seed: "empty", control: true });
  refusing = await startVoiceableEmulator({ adminKeys: [VOICEABLE_OWNER], seed: "demo", control: true });
  hanging = await startVoiceableEmulator({ adminKeys: [VOICEABLE_OWNER], seed: "demo", control: true });
});
afterAll(async () => {
  hanging?.faults.clear();
  await Promise.all([docspace?.close(), refusing?.close(), hanging?.close()]);
});

describe("findKeyEverywhere", () => {
  it("finds a DocSpace key by its postfix while the broken connections say why, and audits only the last four characters", async () => {
    docspace.reset("empty");
    hanging.faults.add({ method: "GET", path: "/api/v1/api_keys", remaining: 10, fault: { kind: "hang" } });
    const { id, secret } = await docspaceKey("leaked portal key");
    await createKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, { name: "other", permissions: "all" });
    const ctx = ctxAs("support");

    const result = await findKeyEverywhere(deps(), ctx, secret);

    expect(result.kind).toBe("secret");
    expect(result.primary).toEqual({
      connection: { id: "env-elevenlabs", name: "env-elevenlabs name", providerLabel: "ElevenLabs" },
      ok: true,
    });
    expect(result.total).toBe(0);
    const [portal, refused, hung] = result.others;
    expect(portal).toEqual({
      connection: { id: "file-portal", name: "file-portal name", providerLabel: "ONLYOFFICE DocSpace" },
      leak: { disable: true, responses: ["disable", "rotate", "delete"] },
      doctorKind: { permissionModel: "scopes", ipAllowlist: false },
      ok: true,
      candidates: [
        {
          key: {
            id,
            name: "leaked portal key",
            group: null,
            owner: expect.any(String),
            hint: secret.slice(-4),
            enabled: true,
          },
          matchedBy: ["hint"],
          certainty: "possible",
        },
      ],
      total: 1,
      omitted: 0,
    });
    expect(refused).toMatchObject({
      connection: { id: "file-refused", providerLabel: "Voiceable" },
      leak: { disable: false, responses: ["rotate", "delete"] },
      doctorKind: { permissionModel: "key_type", ipAllowlist: false },
      ok: false,
      error: { upstreamRequestId: refusing.log.list().at(-1)!.requestId },
    });
    expect(hung).toMatchObject({
      connection: { id: "file-hanging" },
      ok: false,
      error: { code: "upstream_timeout" },
    });

    const rows = await auditOf(bed, ctx);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([["key_search", "ok"]]);
    expect(rows[0]!.changes).toEqual({
      search: {
        before: null,
        after: {
          kind: "secret",
          hint: secret.slice(-4),
          candidates: 1,
          exact: 0,
          connections: {
            searched: ["env-elevenlabs", "file-portal"],
            failed: ["file-refused", "file-hanging"],
          },
        },
      },
    });
    const sha = createHash("sha256").update(secret).digest("hex");
    for (const text of [
      JSON.stringify(result),
      await everythingStored(bed),
      JSON.stringify([docspace.log.list(), refusing.log.list(), hanging.log.list(), bed.emulator.log.list()]),
    ]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(sha);
    }
  });

  it("shows the others when the primary fails, and fails only when nothing could be searched", async () => {
    docspace.reset("empty");
    hanging.faults.clear();
    await docspaceKey("support-bot");
    inject(bed, "GET", "/v1/service-accounts", { kind: "status", status: 503 }, 10);
    const result = await findKeyEverywhere(deps(), ctxAs("reviewer"), "support-bot");
    expect(result.primary).toMatchObject({ ok: false, error: { code: "upstream_unavailable" } });
    expect(result.others[0]).toMatchObject({
      ok: true,
      candidates: [{ key: { name: "support-bot" }, matchedBy: ["name"], certainty: "likely" }],
    });
    bed.emulator.faults.clear();
  });

  it("leaves out the connections a limited user may not use, the primary included", async () => {
    docspace.reset("empty");
    await docspaceKey("portal only");
    const ctx = ctxAs("support");
    await bed.deps.db
      .insert(user)
      .values({ id: ctx.actor.id, name: "Support", email: `${ctx.actor.id}@example.com` })
      .onConflictDoNothing();
    await setConnectionLimits(bed.deps.db, ctxAs("admin"), ctx.actor.id, ["file-portal"]);
    const result = await findKeyEverywhere(deps(), ctx, "portal only");
    expect(result.primary).toBeNull();
    expect(result.others.map((o) => o.connection.id)).toEqual(["file-portal"]);
    expect(result.others[0]).toMatchObject({ ok: true, total: 1 });
  });
});

describe("disableElsewhere", () => {
  it("switches a DocSpace key off upstream, audited as key_disabled with the connection and the reason", async () => {
    docspace.reset("empty");
    const { id } = await docspaceKey("to switch off");
    docspace.log.clear();
    const ctx = ctxAs("support");
    const key = await disableElsewhere(deps().connections, ctx, {
      connectionId: "file-portal",
      keyId: id,
      reason: "leaked publicly",
    });
    expect(key).toMatchObject({ id, enabled: false });
    // One write, after the read that names the key (the adapter reads the key back afterwards: PUT answers only `true`).
    const log = docspace.log.list();
    expect(log[0]).toMatchObject({ method: "GET", path: "/api/2.0/keys" });
    expect(log.filter((r) => r.method !== "GET").map((r) => [r.method, r.path, r.body])).toEqual([
      ["PUT", `/api/2.0/keys/${id}`, { isActive: false }],
    ]);
    const rows = await auditOf(bed, ctx);
    expect(rows.map((r) => [r.action, r.outcome, r.connectionId, r.keyId, r.targetName])).toEqual([
      ["key_disabled", "pending", "file-portal", id, "to switch off"],
      ["key_disabled", "ok", "file-portal", id, "to switch off"],
    ]);
    expect(rows[0]!.reason).toBe("leaked publicly");

    // Already off: reported, nothing written.
    docspace.log.clear();
    const again = await failure(
      disableElsewhere(deps().connections, ctxAs("support"), {
        connectionId: "file-portal",
        keyId: id,
        reason: "x",
      }),
    );
    expect(again).toMatchObject({ code: "conflict" });
    expect(docspace.log.list().filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("sends what was seen: a key switched off at the portal since the search is a 409 with the key as it is now, nothing written", async () => {
    docspace.reset("empty");
    const { id } = await docspaceKey("switched off meanwhile");
    await deactivateAtPortal(id);
    docspace.log.clear();
    const ctx = ctxAs("support");
    const conflict = await failure(
      disableElsewhere(deps().connections, ctx, {
        connectionId: "file-portal",
        keyId: id,
        reason: "leaked publicly",
        expected: { enabled: true },
      }),
    );
    expect(conflict).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("switched off meanwhile changed since you searched"),
      extra: { current: { id, name: "switched off meanwhile", enabled: false, group: null } },
    });
    expect(conflict.message).toContain("Search again");
    expect(docspace.log.list().filter((r) => r.method !== "GET")).toEqual([]);
    expect(await auditOf(bed, ctx)).toEqual([]);
  });

  it("a key switched off between the search's read and the write's own read is a 409 too, never written over", async () => {
    docspace.reset("empty");
    const { id } = await docspaceKey("raced key");
    // The first read (disableElsewhere's) sees it on; the portal switches it off before the second
    // (the change's own read, just before the write).
    const proxy = await proxyBeforeRead(2, () => deactivateAtPortal(id));
    try {
      docspace.log.clear();
      const ctx = ctxAs("support");
      const conflict = await failure(
        disableElsewhere(deps(proxy.url).connections, ctx, {
          connectionId: "file-portal",
          keyId: id,
          reason: "leaked publicly",
          expected: { enabled: true },
        }),
      );
      expect(conflict).toMatchObject({
        code: "conflict",
        message: expect.stringContaining("raced key changed since you searched"),
        extra: { current: { id, name: "raced key", enabled: false } },
      });
      // Only the portal's own switch-off was a write; Keydesk sent none and recorded nothing.
      expect(
        docspace.log
          .list()
          .filter((r) => r.method !== "GET")
          .map((r) => r.path),
      ).toEqual([`/api/2.0/keys/${id}`]);
      expect(await auditOf(bed, ctx)).toEqual([]);
    } finally {
      await new Promise((done) => proxy.server.close(done));
    }
  });

  it("refuses a provider with no disable with a 422 on connectionId, before any upstream call, and reviewers outright", async () => {
    refusing.log.clear();
    const refused = await failure(
      disableElsewhere(deps().connections, ctxAs("admin"), {
        connectionId: "file-refused",
        keyId: "1",
        reason: "x",
      }),
    );
    expect(refused).toMatchObject({
      code: "validation_failed",
      extra: { fields: [{ path: ["connectionId"] }] },
    });
    expect(refusing.log.list()).toEqual([]);
    const reviewer = await failure(
      disableElsewhere(deps().connections, ctxAs("reviewer"), {
        connectionId: "file-portal",
        keyId: "1",
        reason: "x",
      }),
    );
    expect(reviewer).toMatchObject({ code: "forbidden" });
  });
});
