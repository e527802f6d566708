// A connection's keys through lib/connection-keys, over real HTTP to the DocSpace and Voiceable
// emulators, with the product's adapters and a real PGlite database: what is created is upstream
// exactly as asked, a change of one field sends that field alone, a leak is answered the way each
// provider can (disable on DocSpace, rotate on Voiceable), refusals send nothing, a user limited to
// another connection is refused before any call, and neither a new secret nor the admin
// credential reaches an audit row, the output or an error body.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { handlerErrorResponse } from "@/lib/api/handler-error";
import { addConnection } from "@/lib/connections/actions";
import { checkWithProvider } from "@/lib/connections/check";
import { encryptionKey } from "@/lib/connections/crypto";
import type { ConnectionDeps } from "@/lib/connections/list";
import type { ConnectionActionContext } from "@/lib/connections/types";
import { auditLog, user, userConnection } from "@/lib/db/schema";
import type { Db } from "@/lib/db/database";
import * as docspaceTesting from "@/lib/emulator/docspace/testing";
import type { DocspaceEmulator } from "@/lib/emulator/docspace/server";
import * as voiceableTesting from "@/lib/emulator/voiceable/testing";
import type { VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import {
  changeConnectionKey,
  createConnectionKey,
  deleteConnectionKey,
  listConnectionKeys,
  rotateConnectionKey,
} from "@/lib/connection-keys";
import { selectRows, testDatabases } from "@/tests/support/audit-log";

const open = testDatabases();
const DOCSPACE_CREDENTIAL = docspaceTesting.ADMIN_TOKEN;
const VOICEABLE_CREDENTIAL = voiceableTesting.OWNER_KEY;

function contextOf(id: string, role: "admin" | "support" | "reviewer"): ConnectionActionContext {
  return {
    actor: { id, email: `${id}@example.com`, name: id, role },
    info: { requestId: `req-${id}`, ip: "203.0.113.5", userAgent: "vitest" },
  } as ConnectionActionContext;
}
const admin = contextOf("u_admin", "admin");
const support = contextOf("u_support", "support");
/** Support limited to the DocSpace connection. */
const portalSupport = contextOf("u_portal", "support");

let docspace: DocspaceEmulator;
/** The DocSpace emulator's clock, moved to make a key that has already expired. */
let clockOffset = 0;
let voiceable: VoiceableEmulator;
let eleven: Emulator;
let deps: ConnectionDeps;
let db: Db;
let docspaceId: string;
let voiceableId: string;
let elevenId: string;
const ELEVEN_CREDENTIAL = "integration-eleven-admin-key-4Kp9";

beforeAll(async () => {
  docspace = await docspaceTesting.start({ now: () => Date.now() + clockOffset });
  voiceable = await voiceableTesting.start();
  db = (await open("pglite")).db;
  const current = encryptionKey(randomBytes(32));
  deps = { db, keys: () => ({ current, all: [current] }), fixed: async () => [], check: checkWithProvider };
  docspaceId = (
    await addConnection(deps, admin, {
      name: "Portal",
      provider: "docspace",
      baseUrl: docspace.url,
      credential: DOCSPACE_CREDENTIAL,
    })
  ).connection.id;
  voiceableId = (
    await addConnection(deps, admin, {
      name: "Voice",
      provider: "voiceable",
      baseUrl: `${voiceable.url}/api/v1`,
      credential: VOICEABLE_CREDENTIAL,
    })
  ).connection.id;
  eleven = await startEmulator({ adminKeys: [ELEVEN_CREDENTIAL], seed: "demo", control: true });
  elevenId = (
    await addConnection(deps, admin, {
      name: "Workspace",
      provider: "elevenlabs",
      baseUrl: eleven.url,
      credential: ELEVEN_CREDENTIAL,
    })
  ).connection.id;
  await db.insert(user).values([
    { id: "u_support", name: "S", email: "u_support@example.com", role: "support" },
    { id: "u_portal", name: "P", email: "u_portal@example.com", role: "support" },
  ]);
  await db.insert(userConnection).values({ userId: "u_portal", connectionId: docspaceId });
});
afterAll(() => Promise.all([docspace.close(), voiceable.close(), eleven.close()]));

beforeEach(() => {
  docspace.log.clear();
  voiceable.log.clear();
});

/** The emulator's requests other than reads: what was written upstream. */
const writes = (emulator: { log: { list(): { method: string; path: string; body: unknown }[] } }) =>
  emulator.log
    .list()
    .filter((r) => r.method !== "GET")
    .map((r) => ({ method: r.method, path: r.path, body: r.body }));

/** The key audit rows (not the connections' own), oldest first. */
async function keyRows() {
  const rows = await db.select().from(auditLog).orderBy(auditLog.id);
  return rows.filter((r) => r.action.startsWith("key_"));
}

/** The refusal a failed call becomes, as the handler would answer it. */
async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
  const response = handlerErrorResponse(error, "req-test");
  const body = (await response.json()) as {
    error: { code: string; message: string; fields?: { path: (string | number)[] }[] };
  };
  return { status: response.status, ...body.error, fields: body.error.fields?.map((f) => f.path.join(".")) };
}

/** Everything written to stdout, stderr and the console while `run` runs. */
async function captured<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const out: string[] = [];
  const keep = (chunk: unknown) => {
    out.push(String(chunk));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(keep),
    vi.spyOn(process.stderr, "write").mockImplementation(keep),
    ...(["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi
        .spyOn(console, m)
        .mockImplementation((...args: unknown[]) => void out.push(args.map(String).join(" "))),
    ),
  ];
  try {
    return { result: await run(), output: out.join("\n") };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe("DocSpace keys", () => {
  it("creates a key with scopes and an expiry, upstream exactly as asked, audited with the connection", async () => {
    const created = await createConnectionKey(deps, admin, docspaceId, {
      name: "Backups",
      permissions: { kind: "scopes", value: ["files:read", "rooms:write"] },
      expiresInDays: 30,
    });
    expect(created.secret).toMatch(/^sk-/);
    expect(created.key).not.toHaveProperty("secretHash");
    expect(writes(docspace)).toEqual([
      {
        method: "POST",
        path: "/api/2.0/keys",
        body: { name: "Backups", permissions: ["files:read", "rooms:write"], expiresInDays: 30 },
      },
    ]);
    const upstream = (await docspaceTesting.call(docspace, "GET", docspaceTesting.KEYS)).body.response as {
      id: string;
      name: string;
      permissions: string[];
      expiresAt: string | null;
      isActive: boolean;
    }[];
    const stored = upstream.find((k) => k.id === created.key.id)!;
    expect(stored).toMatchObject({
      name: "Backups",
      permissions: ["files:read", "rooms:write"],
      isActive: true,
    });
    expect(Date.parse(stored.expiresAt!) - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);

    const listed = await listConnectionKeys(deps, admin.actor, docspaceId);
    expect(listed.connection.id).toBe(docspaceId);
    expect(listed.capabilities.disable).toBe(true);
    expect(listed.keys.map((k) => k.id)).toContain(created.key.id);
    expect(listed.keys.every((k) => !("secretHash" in k))).toBe(true);

    // The attempt cannot name the key (it does not exist yet); its completion does.
    const all = await keyRows();
    const done = all.find((r) => r.keyId === created.key.id && r.action === "key_created")!;
    const rows = [all.find((r) => r.id === done.completes)!, done];
    expect(rows.map((r) => [r.action, r.outcome, r.connectionId])).toEqual([
      ["key_created", "pending", docspaceId],
      ["key_created", "ok", docspaceId],
    ]);
    expect(rows[0]!.details).toMatchObject({ provider: "docspace" });
    expect(rows[0]!.changes).toMatchObject({
      name: { before: null, after: "Backups" },
      expiresInDays: { before: null, after: 30 },
    });
  });

  it("changes one field by sending that field alone", async () => {
    const { key } = await createConnectionKey(deps, admin, docspaceId, {
      name: "Old name",
      permissions: { kind: "scopes", value: ["files:read"] },
    });
    docspace.log.clear();
    const changed = await changeConnectionKey(deps, admin, docspaceId, key.id, undefined, {
      name: "New name",
    });
    expect(changed.key).toMatchObject({ id: key.id, name: "New name" });
    expect(changed.key.permissions).toMatchObject({ kind: "scopes", value: ["files:read"] });
    expect(writes(docspace)).toEqual([
      { method: "PUT", path: `/api/2.0/keys/${key.id}`, body: { name: "New name" } },
    ]);
    const [row] = (await keyRows()).filter((r) => r.keyId === key.id && r.action === "key_updated");
    expect(row).toMatchObject({
      connectionId: docspaceId,
      changes: { name: { before: "Old name", after: "New name" } },
    });
  });

  it("lets support disable a leaked key, with the reason on the audit log", async () => {
    const { key } = await createConnectionKey(deps, admin, docspaceId, {
      name: "Leaked",
      permissions: { kind: "scopes", value: "all" },
    });
    docspace.log.clear();
    const refused = await refusalOf(
      changeConnectionKey(deps, support, docspaceId, key.id, undefined, { enabled: false }),
    );
    expect(refused).toMatchObject({ status: 422, fields: ["reason"] });
    expect(docspace.log.list()).toEqual([]);

    const { key: off } = await changeConnectionKey(deps, support, docspaceId, key.id, undefined, {
      enabled: false,
      reason: "posted in a public ticket",
    });
    expect(off.enabled).toBe(false);
    expect(writes(docspace)).toEqual([
      { method: "PUT", path: `/api/2.0/keys/${key.id}`, body: { isActive: false } },
    ]);
    const [row] = (await keyRows()).filter((r) => r.keyId === key.id && r.action === "key_disabled");
    expect(row).toMatchObject({
      connectionId: docspaceId,
      actorRole: "support",
      reason: "posted in a public ticket",
      changes: { enabled: { before: true, after: false } },
    });
  });

  it("refuses input the provider cannot take with a 422 naming the field, sending and recording nothing", async () => {
    const before = (await keyRows()).length;
    const cases = [
      createConnectionKey(deps, admin, docspaceId, {
        name: "x".repeat(31),
        permissions: { kind: "scopes", value: "all" },
      }),
      createConnectionKey(deps, admin, docspaceId, {
        name: "Widget",
        permissions: { kind: "scopes", value: "all" },
        allowedOrigins: ["https://shop.example.com"],
      }),
      createConnectionKey(deps, admin, docspaceId, {
        name: "Long",
        permissions: { kind: "scopes", value: "all" },
        expiresInDays: 400,
      }),
      createConnectionKey(deps, admin, docspaceId, {
        name: "Wrong model",
        permissions: { kind: "key_type", value: "private" },
      }),
      changeConnectionKey(deps, admin, docspaceId, "some-key", "sa_1", { name: "x" }),
      rotateConnectionKey(deps, admin, docspaceId, "some-key", undefined, { expiresInDays: 0 }),
    ];
    const refusals = [];
    for (const c of cases) refusals.push(await refusalOf(c));
    expect(refusals.map((r) => [r.status, r.fields])).toEqual([
      [422, ["name"]],
      [422, ["allowedOrigins"]],
      [422, ["expiresInDays"]],
      [422, ["permissions"]],
      [422, ["group"]],
      [422, ["expiresInDays"]],
    ]);
    expect(docspace.log.list()).toEqual([]);
    expect((await keyRows()).length).toBe(before);
  });

  it("refuses to change a key that has expired, saying so, sending nothing; rotating it still works", async () => {
    const DAY = 24 * 3600 * 1000;
    clockOffset = -2 * DAY;
    const { key } = await createConnectionKey(deps, admin, docspaceId, {
      name: "Expired",
      permissions: { kind: "scopes", value: ["files:read"] },
      expiresInDays: 1,
    });
    clockOffset = 0;
    docspace.log.clear();
    const refused = await refusalOf(
      changeConnectionKey(deps, admin, docspaceId, key.id, undefined, { name: "Revived" }),
    );
    expect(refused).toMatchObject({ status: 409 });
    expect(refused.message).toMatch(/expired/);
    expect(writes(docspace)).toEqual([]);
    const rotated = await rotateConnectionKey(deps, admin, docspaceId, key.id, undefined, {
      expiresInDays: 7,
    });
    expect(rotated.old.outcome).toBe("deleted");
    expect(writes(docspace)[0]).toMatchObject({
      method: "POST",
      body: { name: "Expired", permissions: ["files:read"], expiresInDays: 7 },
    });
  });

  it("deletes a key, with the reason, and answers 404 for one that is gone", async () => {
    const { key } = await createConnectionKey(deps, admin, docspaceId, {
      name: "Done",
      permissions: { kind: "scopes", value: ["files:read"] },
    });
    docspace.log.clear();
    expect(
      await deleteConnectionKey(deps, admin, docspaceId, key.id, undefined, { reason: "unused" }),
    ).toEqual({
      deleted: true,
    });
    expect(writes(docspace)).toEqual([{ method: "DELETE", path: `/api/2.0/keys/${key.id}`, body: null }]);
    const [row] = (await keyRows()).filter((r) => r.keyId === key.id && r.action === "key_deleted");
    expect(row).toMatchObject({ connectionId: docspaceId, reason: "unused", targetName: "Done" });
    expect(
      await refusalOf(deleteConnectionKey(deps, admin, docspaceId, key.id, undefined, {})),
    ).toMatchObject({
      status: 404,
    });
  });
});

describe("Voiceable keys", () => {
  it("creates a key with origins and assistants, upstream exactly as asked", async () => {
    const created = await createConnectionKey(deps, admin, voiceableId, {
      name: "Shop widget",
      permissions: { kind: "key_type", value: "public" },
      allowedOrigins: ["https://shop.example.com", "http://localhost:3000"],
      assistants: { allowed: ["12", "34"], transient: true },
    });
    const upstream = (await voiceableTesting.listKeys(voiceable)).find(
      (k) => String(k.id) === created.key.id,
    )!;
    expect(upstream).toMatchObject({
      name: "Shop widget",
      key_type: "public",
      allowed_origins: ["https://shop.example.com", "http://localhost:3000"],
      allowed_assistants: ["12", "34"],
      transient_assistant: true,
    });
    expect(created.key.restrictions).toEqual({
      allowedOrigins: ["https://shop.example.com", "http://localhost:3000"],
      assistants: { allowed: ["12", "34"], transient: true },
    });
  });

  it("changes one field by sending that field alone", async () => {
    const { key } = await createConnectionKey(deps, admin, voiceableId, {
      name: "Widget",
      permissions: { kind: "key_type", value: "public" },
      allowedOrigins: ["https://a.example.com"],
      assistants: { allowed: ["1"], transient: false },
    });
    voiceable.log.clear();
    const { key: changed } = await changeConnectionKey(deps, admin, voiceableId, key.id, undefined, {
      assistants: { transient: true },
    });
    expect(changed.restrictions.assistants).toEqual({ allowed: ["1"], transient: true });
    expect(changed.restrictions.allowedOrigins).toEqual(["https://a.example.com"]);
    expect(writes(voiceable)).toEqual([
      { method: "PUT", path: `/api/v1/api_keys/${key.id}`, body: { api_key: { transient_assistant: true } } },
    ]);
    const [row] = (await keyRows()).filter((r) => r.keyId === key.id && r.action === "key_updated");
    expect(row!.changes).toEqual({
      assistants: {
        before: { allowed: ["1"], transient: false },
        after: { allowed: ["1"], transient: true },
      },
    });
  });

  it("refuses to disable (there is no disable), and a new key type, sending and recording nothing", async () => {
    const { key } = await createConnectionKey(deps, admin, voiceableId, {
      name: "Private",
      permissions: { kind: "key_type", value: "private" },
    });
    voiceable.log.clear();
    const before = (await keyRows()).length;
    const disable = await refusalOf(
      changeConnectionKey(deps, support, voiceableId, key.id, undefined, {
        enabled: false,
        reason: "leaked",
      }),
    );
    expect(disable).toMatchObject({ status: 422, fields: ["enabled"] });
    expect(disable.message).toMatch(/Rotate/);
    const retype = await refusalOf(
      changeConnectionKey(deps, admin, voiceableId, key.id, undefined, {
        permissions: { kind: "key_type", value: "public" },
      }),
    );
    expect(retype).toMatchObject({ status: 422, fields: ["permissions"] });
    expect(voiceable.log.list()).toEqual([]);
    expect((await keyRows()).length).toBe(before);
  });

  it("rotates a leaked key: a twin with the same settings, then the old key deleted (support may)", async () => {
    const { key } = await createConnectionKey(deps, admin, voiceableId, {
      name: "Leaky",
      permissions: { kind: "key_type", value: "private" },
      assistants: { allowed: ["7"], transient: false },
    });
    voiceable.log.clear();
    const rotated = await rotateConnectionKey(deps, support, voiceableId, key.id, undefined, {
      reason: "pasted in chat",
    });
    expect(rotated.style).toBe("twin_then_delete");
    expect(rotated.old).toEqual({ id: key.id, outcome: "deleted" });
    expect(rotated.twin.key).toMatchObject({
      name: "Leaky",
      permissions: { kind: "key_type", value: "private" },
    });
    expect(rotated.twin.secret.length).toBeGreaterThan(10);
    expect(writes(voiceable).map((w) => [w.method, w.path])).toEqual([
      ["POST", "/api/v1/api_keys"],
      ["DELETE", `/api/v1/api_keys/${key.id}`],
    ]);
    const ids = (await voiceableTesting.listKeys(voiceable)).map((k) => String(k.id));
    expect(ids).toContain(rotated.twin.key.id);
    expect(ids).not.toContain(key.id);
    const rows = (await keyRows()).filter((r) => r.action === "key_rotated" && r.keyId === key.id);
    expect(rows.map((r) => [r.outcome, r.connectionId, r.reason])).toEqual([
      ["pending", voiceableId, "pasted in chat"],
      ["ok", voiceableId, null],
    ]);
    expect(rows[1]!.changes).toEqual({ createdKeyId: { before: null, after: rotated.twin.key.id } });
  });

  it("says when the old key could not be deleted, still answering the twin, and records the failed delete", async () => {
    const { key } = await createConnectionKey(deps, admin, voiceableId, {
      name: "Stuck",
      permissions: { kind: "key_type", value: "private" },
    });
    voiceable.faults.add({
      method: "DELETE",
      path: "/api/v1/api_keys/*",
      remaining: 1,
      fault: { kind: "status", status: 503 },
    });
    const rotated = await rotateConnectionKey(deps, admin, voiceableId, key.id, undefined, {});
    expect(rotated.old).toMatchObject({ id: key.id, outcome: "delete_failed" });
    expect(rotated.twin.secret).toBeTruthy();
    const [failed] = (await keyRows()).filter((r) => r.action === "key_deleted" && r.keyId === key.id);
    expect(failed).toMatchObject({ outcome: "error", connectionId: voiceableId, upstreamStatus: 503 });
  });
});

describe("ElevenLabs keys", () => {
  it("names a key with its service account (?group=), creates in one, and changes one field alone", async () => {
    const { keys } = await listConnectionKeys(deps, admin.actor, elevenId);
    const existing = keys.find((k) => k.group)!;
    const group = existing.group!.id;
    const created = await createConnectionKey(deps, admin, elevenId, {
      name: "Dubbing",
      groupId: group,
      permissions: { kind: "permission_list", value: ["text_to_speech"] },
      characterLimit: 1000,
    });
    expect(created.key.group?.id).toBe(group);
    expect(
      await refusalOf(changeConnectionKey(deps, admin, elevenId, created.key.id, undefined, { name: "x" })),
    ).toMatchObject({
      status: 422,
      fields: ["group"],
    });
    eleven.log.clear();
    const { key } = await changeConnectionKey(deps, admin, elevenId, created.key.id, group, {
      characterLimit: 5000,
    });
    expect(key.restrictions.characterLimit?.limit).toBe(5000);
    const sent = eleven.log.list().filter((r) => r.method !== "GET");
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0]!.body as object)).toHaveLength(1);
    const [row] = (await keyRows()).filter((r) => r.keyId === created.key.id && r.action === "key_updated");
    expect(row).toMatchObject({
      connectionId: elevenId,
      serviceAccountId: group,
      changes: { characterLimit: { before: 1000, after: 5000 } },
    });
  });
});

describe("access", () => {
  it("refuses a user limited to another connection with a 403 before anything is sent", async () => {
    const [existing] = await voiceableTesting.listKeys(voiceable);
    const id = String(existing!.id);
    voiceable.log.clear();
    const before = (await keyRows()).length;
    const attempts = [
      listConnectionKeys(deps, portalSupport.actor, voiceableId),
      changeConnectionKey(deps, portalSupport, voiceableId, id, undefined, { enabled: true }),
      rotateConnectionKey(deps, portalSupport, voiceableId, id, undefined, {}),
      deleteConnectionKey(deps, portalSupport, voiceableId, id, undefined, {}),
    ];
    for (const attempt of attempts) expect(await refusalOf(attempt)).toMatchObject({ status: 403 });
    expect(voiceable.log.list()).toEqual([]);
    expect((await keyRows()).length).toBe(before);
    // Their own connection works.
    expect((await listConnectionKeys(deps, portalSupport.actor, docspaceId)).keys.length).toBeGreaterThan(0);
  });

  it("refuses support anything but the switch, and rotation where the provider can disable", async () => {
    const [existing] = (await listConnectionKeys(deps, admin.actor, docspaceId)).keys;
    docspace.log.clear();
    expect(
      await refusalOf(changeConnectionKey(deps, support, docspaceId, existing!.id, undefined, { name: "x" })),
    ).toMatchObject({ status: 403, fields: ["name"] });
    expect(
      await refusalOf(rotateConnectionKey(deps, support, docspaceId, existing!.id, undefined, {})),
    ).toMatchObject({ status: 403 });
    expect(docspace.log.list()).toEqual([]);
  });

  it("answers 404 for a connection that does not exist", async () => {
    expect(await refusalOf(listConnectionKeys(deps, admin.actor, "conn_nowhere"))).toMatchObject({
      status: 404,
    });
  });
});

describe("secrets", () => {
  it("keeps new secrets and the admin credentials out of audit rows, the output and error bodies", async () => {
    const secrets: string[] = [];
    const bodies: string[] = [];
    const { output } = await captured(async () => {
      const d = await createConnectionKey(deps, admin, docspaceId, {
        name: "Secretive",
        permissions: { kind: "scopes", value: "all" },
      });
      secrets.push(d.secret);
      const v = await createConnectionKey(deps, admin, voiceableId, {
        name: "Secretive",
        permissions: { kind: "key_type", value: "private" },
      });
      secrets.push(v.secret);
      const r = await rotateConnectionKey(deps, admin, docspaceId, d.key.id, undefined, {
        expiresInDays: 10,
      });
      secrets.push(r.twin.secret);
      voiceable.faults.add({
        method: "POST",
        path: "/api/v1/api_keys",
        remaining: 1,
        fault: { kind: "status", status: 500 },
      });
      const failed = await refusalOf(rotateConnectionKey(deps, admin, voiceableId, v.key.id, undefined, {}));
      expect(failed.status).toBeGreaterThanOrEqual(500);
      bodies.push(JSON.stringify(failed));
      bodies.push(
        JSON.stringify(
          await refusalOf(
            changeConnectionKey(deps, admin, voiceableId, v.key.id, undefined, { enabled: false }),
          ),
        ),
      );
    });
    expect(secrets).toHaveLength(3);
    const audit = JSON.stringify(await selectRows(db, sql`select * from audit_log`));
    for (const secret of [...secrets, DOCSPACE_CREDENTIAL, VOICEABLE_CREDENTIAL]) {
      expect(audit).not.toContain(secret);
      expect(output).not.toContain(secret);
      for (const body of bodies) expect(body).not.toContain(secret);
    }
    // The failed rotation is on the log with the upstream's status, its twin never made.
    const rotations = (await keyRows()).filter(
      (r) => r.action === "key_rotated" && r.connectionId === voiceableId,
    );
    expect(rotations.at(-1)).toMatchObject({ outcome: "error", upstreamStatus: 500 });
  });
});

describe("the primary workspace", () => {
  it("is read here but written only through its Service accounts pages: a 409, nothing sent, nothing audited", async () => {
    // The same emulator as the primary connection (the environment's ElevenLabs workspace).
    const primary = {
      id: "env-elevenlabs",
      name: "ElevenLabs (ELEVENLABS_API_KEY)",
      provider: "elevenlabs" as const,
      baseUrl: eleven.url,
      source: "environment" as const,
      credentialHint: "",
      createdAt: null,
      credential: async () => ELEVEN_CREDENTIAL,
    };
    const withPrimary: ConnectionDeps = { ...deps, fixed: async () => [primary] };
    const { keys } = await listConnectionKeys(withPrimary, admin.actor, primary.id);
    const existing = keys.find((k) => k.group)!;
    const group = existing.group!.id;
    eleven.log.clear();
    const before = (await keyRows()).length;
    const attempts = [
      createConnectionKey(withPrimary, admin, primary.id, {
        name: "Nope",
        groupId: group,
        permissions: { kind: "permission_list", value: ["text_to_speech"] },
      }),
      changeConnectionKey(withPrimary, admin, primary.id, existing.id, group, { name: "x" }),
      rotateConnectionKey(withPrimary, admin, primary.id, existing.id, group, {}),
      deleteConnectionKey(withPrimary, admin, primary.id, existing.id, group, {}),
    ];
    for (const attempt of attempts) expect(await refusalOf(attempt)).toMatchObject({ status: 409 });
    expect(eleven.log.list().filter((r) => r.method !== "GET")).toEqual([]);
    expect((await keyRows()).length).toBe(before);
  });
});
