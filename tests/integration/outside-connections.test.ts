// Changes made outside Keydesk to other connections' keys (issue 12), over real HTTP to the
// DocSpace and Voiceable emulators with the product's adapters and a real PGlite database: a key
// changed, created or deleted straight on the emulator is recorded once, with the fields its
// provider has and the connection's id; Keydesk's own writes through lib/connection-keys are not;
// the first read writes one baseline row; a failed read records nothing.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beginAttempt, completeAttempt } from "@/lib/audit";
import { connectionKeyEvent } from "@/lib/connection-keys/audit";
import { addConnection } from "@/lib/connections/actions";
import { checkWithProvider } from "@/lib/connections/check";
import { encryptionKey } from "@/lib/connections/crypto";
import type { ConnectionDeps } from "@/lib/connections/list";
import { readAllConnections } from "@/lib/connections/read-all";
import type { ConnectionActionContext } from "@/lib/connections/types";
import {
  changeConnectionKey,
  createConnectionKey,
  deleteConnectionKey,
  listConnectionKeys,
  rotateConnectionKey,
} from "@/lib/connection-keys";
import { auditLog, keySnapshot } from "@/lib/db/schema";
import type { Db } from "@/lib/db/database";
import * as docspaceTesting from "@/lib/emulator/docspace/testing";
import type { DocspaceEmulator } from "@/lib/emulator/docspace/server";
import * as voiceableTesting from "@/lib/emulator/voiceable/testing";
import type { VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import { readOtherConnections } from "@/lib/inventory/read-others";
import { testDatabases } from "@/tests/support/audit-log";

const open = testDatabases();
const admin = {
  actor: { id: "u_admin", email: "u_admin@example.com", name: "Admin", role: "admin" },
  info: { requestId: "req-admin", ip: "203.0.113.5", userAgent: "vitest" },
} as ConnectionActionContext;

let docspace: DocspaceEmulator;
let voiceable: VoiceableEmulator;
let db: Db;
let deps: ConnectionDeps;
let docspaceId: string;
let voiceableId: string;
let eleven: Emulator;
let elevenId: string;
const ELEVEN_CREDENTIAL = "integration-eleven-admin-key-7Qw2";
/** A Voiceable key there before Keydesk first read the connection (the DocSpace tests read it too). */
let voiceableKey: number;
/** Secrets of keys made in these tests: none may reach the snapshot or the audit log. */
const secrets: string[] = [docspaceTesting.ADMIN_TOKEN, voiceableTesting.OWNER_KEY];

beforeAll(async () => {
  docspace = await docspaceTesting.start();
  voiceable = await voiceableTesting.start();
  voiceableKey = (await voiceableTesting.createKey(voiceable, { name: "Widget", key_type: "public" })).id;
  db = (await open("pglite")).db;
  const current = encryptionKey(randomBytes(32));
  deps = { db, keys: () => ({ current, all: [current] }), fixed: async () => [], check: checkWithProvider };
  docspaceId = (
    await addConnection(deps, admin, {
      name: "Portal",
      provider: "docspace",
      baseUrl: docspace.url,
      credential: docspaceTesting.ADMIN_TOKEN,
    })
  ).connection.id;
  voiceableId = (
    await addConnection(deps, admin, {
      name: "Voice",
      provider: "voiceable",
      baseUrl: `${voiceable.url}/api/v1`,
      credential: voiceableTesting.OWNER_KEY,
    })
  ).connection.id;
  eleven = await startEmulator({ adminKeys: [ELEVEN_CREDENTIAL], seed: "demo", control: true });
  elevenId = (
    await addConnection(deps, admin, {
      name: "Second workspace",
      provider: "elevenlabs",
      baseUrl: eleven.url,
      credential: ELEVEN_CREDENTIAL,
    })
  ).connection.id;
});
afterAll(() => Promise.all([docspace.close(), voiceable.close(), eleven.close()]));

/** The observation rows of one connection, oldest first. */
async function observed(connectionId: string) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.connectionId, connectionId))
    .orderBy(auditLog.id);
  return rows.filter((r) => r.action === "key_observed_change" || r.action === "inventory_baseline");
}

const outsideRows = async (connectionId: string) =>
  (await observed(connectionId)).filter((r) => r.action === "key_observed_change");

async function expectNoSecretStored(): Promise<void> {
  const stored = JSON.stringify([await db.select().from(keySnapshot), await db.select().from(auditLog)]);
  for (const secret of secrets) expect(stored).not.toContain(secret);
}

describe("DocSpace", () => {
  let outsideKey: string;

  it("takes one baseline on the first read, with no row per key, and none on the next", async () => {
    const made = await docspaceTesting.createKey(docspace, {
      name: "Made before",
      permissions: ["files:read"],
    });
    secrets.push(made.key);
    outsideKey = made.id;
    await listConnectionKeys(deps, admin.actor, docspaceId);
    await listConnectionKeys(deps, admin.actor, docspaceId);
    const rows = await observed(docspaceId);
    expect(rows.map((r) => [r.action, r.actorUserId, r.connectionId, r.changes])).toEqual([
      ["inventory_baseline", null, docspaceId, { keysRecorded: { before: null, after: 1 } }],
    ]);
    const [snapshot] = await db
      .select()
      .from(keySnapshot)
      .where(and(eq(keySnapshot.connectionId, docspaceId), eq(keySnapshot.keyId, made.id)));
    expect(snapshot).toMatchObject({ origin: "baseline", deletedAt: null });
  });

  it("records a key changed on the emulator once, with the fields DocSpace has and the connection", async () => {
    const put = await docspaceTesting.call(docspace, "PUT", `${docspaceTesting.KEYS}/${outsideKey}`, {
      body: { name: "Renamed upstream", permissions: ["files:read", "rooms:read"], isActive: false },
    });
    expect(put.status).toBe(200);
    // All keys, the overview and the keys page all read it; the change is one row.
    await readOtherConnections(deps, admin.actor);
    await readAllConnections(deps, admin.actor);
    await listConnectionKeys(deps, admin.actor, docspaceId);
    const rows = await outsideRows(docspaceId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorUserId: null,
      outcome: "ok",
      connectionId: docspaceId,
      keyId: outsideKey,
      serviceAccountId: null,
      targetName: "Renamed upstream",
      changes: {
        name: { before: "Made before", after: "Renamed upstream" },
        enabled: { before: true, after: false },
        permissions: { before: ["files:read"], after: ["files:read", "rooms:read"] },
      },
    });
    expect(Object.keys(rows[0]!.changes!).sort()).toEqual(["enabled", "name", "permissions"]);
  });

  it("records a key created and one deleted on the emulator", async () => {
    const made = await docspaceTesting.createKey(docspace, { name: "Made outside" });
    secrets.push(made.key);
    const gone = await docspaceTesting.call(docspace, "DELETE", `${docspaceTesting.KEYS}/${outsideKey}`);
    expect(gone.status).toBe(200);
    const reads = await readOtherConnections(deps, admin.actor);
    const portal = reads.find((r) => r.connection.id === docspaceId)!;
    expect(portal.ok && portal.keys.find((k) => k.id === made.id)?.origin).toBe("outside");
    const rows = (await outsideRows(docspaceId)).slice(1);
    expect(rows.map((r) => [r.keyId, r.targetName, r.changes?.presence])).toEqual(
      expect.arrayContaining([
        [made.id, "Made outside", { before: "absent", after: "present" }],
        [outsideKey, "Renamed upstream", { before: "present", after: "absent" }],
      ]),
    );
    expect(rows).toHaveLength(2);
    const created = rows.find((r) => r.keyId === made.id)!;
    expect(created.changes).toMatchObject({
      name: { before: null, after: "Made outside" },
      enabled: { before: null, after: true },
    });
    await listConnectionKeys(deps, admin.actor, docspaceId);
    expect(await outsideRows(docspaceId)).toHaveLength(3);
    await expectNoSecretStored();
  });

  it("does not report Keydesk's own create, change, disable, rotate and delete", async () => {
    const before = (await outsideRows(docspaceId)).length;
    const created = await createConnectionKey(deps, admin, docspaceId, {
      name: "Through Keydesk",
      permissions: { kind: "scopes", value: ["files:read"] },
      expiresInDays: 30,
    });
    secrets.push(created.secret);
    await listConnectionKeys(deps, admin.actor, docspaceId);
    await changeConnectionKey(deps, admin, docspaceId, created.key.id, undefined, {
      name: "Renamed in Keydesk",
      permissions: { kind: "scopes", value: ["files:read", "files:write"] },
      enabled: false,
      reason: "testing",
    });
    await readAllConnections(deps, admin.actor);
    const rotated = await rotateConnectionKey(deps, admin, docspaceId, created.key.id, undefined, {});
    secrets.push(rotated.twin.secret);
    await readOtherConnections(deps, admin.actor);
    await deleteConnectionKey(deps, admin, docspaceId, rotated.twin.key.id, undefined, {});
    const reads = await readOtherConnections(deps, admin.actor);
    expect(await outsideRows(docspaceId)).toHaveLength(before);
    const portal = reads.find((r) => r.connection.id === docspaceId)!;
    expect(portal.ok).toBe(true);
    await expectNoSecretStored();
  });

  it("still notices an outside change to a field Keydesk did not send", async () => {
    const created = await createConnectionKey(deps, admin, docspaceId, {
      name: "Half and half",
      permissions: { kind: "scopes", value: ["rooms:read"] },
    });
    secrets.push(created.secret);
    await listConnectionKeys(deps, admin.actor, docspaceId);
    // Changed outside first; Keydesk then renames it without having read the outside change.
    await docspaceTesting.call(docspace, "PUT", `${docspaceTesting.KEYS}/${created.key.id}`, {
      body: { permissions: ["rooms:write"] },
    });
    await changeConnectionKey(deps, admin, docspaceId, created.key.id, undefined, { name: "Half renamed" });
    await listConnectionKeys(deps, admin.actor, docspaceId);
    const rows = (await outsideRows(docspaceId)).filter((r) => r.keyId === created.key.id);
    expect(rows.map((r) => r.changes)).toEqual([
      { permissions: { before: ["rooms:read"], after: ["rooms:write"] } },
    ]);
  });

  it("leaves a key alone while a Keydesk write to it is in flight, and records the change after", async () => {
    const [key] = await docspaceTesting.listKeys(docspace);
    const before = (await outsideRows(docspaceId)).length;
    const attempt = await beginAttempt(
      db,
      connectionKeyEvent(
        admin,
        "key_updated",
        { connection: { id: docspaceId, provider: "docspace" }, keyId: key!.id, name: "x", groupId: null },
        null,
        null,
      ),
    );
    await docspaceTesting.call(docspace, "PUT", `${docspaceTesting.KEYS}/${key!.id}`, {
      body: { name: "Mid-write" },
    });
    await readAllConnections(deps, admin.actor);
    expect(await outsideRows(docspaceId)).toHaveLength(before);
    // The attempt failed (nothing of Keydesk's went through): the change is someone else's.
    await completeAttempt(db, attempt.id, { outcome: "error", errorCode: "upstream_error" });
    await readAllConnections(deps, admin.actor);
    const rows = await outsideRows(docspaceId);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ keyId: key!.id, changes: { name: { after: "Mid-write" } } });
  });

  it("records nothing from a read that failed, and the change on the next read that succeeds", async () => {
    const [key] = await docspaceTesting.listKeys(docspace);
    const before = (await outsideRows(docspaceId)).length;
    await docspaceTesting.call(docspace, "PUT", `${docspaceTesting.KEYS}/${key!.id}`, {
      body: { name: "Changed while unreadable" },
    });
    docspace.faults.add({
      method: "GET",
      path: docspaceTesting.KEYS,
      remaining: 10,
      fault: { kind: "status", status: 401 },
    });
    try {
      const reads = await readAllConnections(deps, admin.actor);
      expect(reads.find((r) => r.connection.id === docspaceId)?.ok).toBe(false);
      expect(await outsideRows(docspaceId)).toHaveLength(before);
    } finally {
      docspace.faults.clear();
    }
    await readAllConnections(deps, admin.actor);
    const rows = await outsideRows(docspaceId);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ keyId: key!.id, targetName: "Changed while unreadable" });
  });
});

describe("Voiceable", () => {
  let outsideKey: number;

  it("took one baseline on the first read (All keys, in the DocSpace tests), and nothing since", async () => {
    outsideKey = voiceableKey;
    await readAllConnections(deps, admin.actor);
    const rows = await observed(voiceableId);
    expect(rows.map((r) => [r.action, r.connectionId, r.changes])).toEqual([
      ["inventory_baseline", voiceableId, { keysRecorded: { before: null, after: 1 } }],
    ]);
  });

  it("records origins and assistants changed on the emulator, with no enabled field (Voiceable cannot disable)", async () => {
    const patched = await voiceableTesting.call(
      voiceable,
      "PATCH",
      `${voiceableTesting.KEYS}/${outsideKey}`,
      {
        body: { api_key: { name: "Widget (edited)", allowed_origins: ["https://shop.example.com"] } },
      },
    );
    expect(patched.status).toBe(200);
    await listConnectionKeys(deps, admin.actor, voiceableId);
    await readOtherConnections(deps, admin.actor);
    const rows = await outsideRows(voiceableId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      connectionId: voiceableId,
      keyId: String(outsideKey),
      actorUserId: null,
      changes: {
        name: { before: "Widget", after: "Widget (edited)" },
        allowedOrigins: { before: [], after: ["https://shop.example.com"] },
      },
    });
    expect(Object.keys(rows[0]!.changes!).sort()).toEqual(["allowedOrigins", "name"]);
  });

  it("records a key created and one deleted on the emulator, with its key type", async () => {
    const made = await voiceableTesting.createKey(voiceable, { name: "Server" });
    if (made.key_value) secrets.push(made.key_value);
    await voiceableTesting.call(voiceable, "DELETE", `${voiceableTesting.KEYS}/${outsideKey}`);
    await listConnectionKeys(deps, admin.actor, voiceableId);
    const rows = (await outsideRows(voiceableId)).slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.keyId === String(made.id))?.changes).toMatchObject({
      presence: { before: "absent", after: "present" },
      permissions: { before: null, after: "private" },
    });
    expect(rows.find((r) => r.keyId === String(outsideKey))?.changes).toMatchObject({
      presence: { before: "present", after: "absent" },
      name: { before: "Widget (edited)", after: null },
    });
  });

  it("does not report Keydesk's own create, change, rotate and delete", async () => {
    const before = (await outsideRows(voiceableId)).length;
    const created = await createConnectionKey(deps, admin, voiceableId, {
      name: "Kiosk",
      permissions: { kind: "key_type", value: "public" },
      allowedOrigins: ["https://kiosk.example.com"],
    });
    secrets.push(created.secret);
    await readAllConnections(deps, admin.actor);
    await changeConnectionKey(deps, admin, voiceableId, created.key.id, undefined, {
      name: "Kiosk 2",
      allowedOrigins: ["https://kiosk.example.com", "https://kiosk2.example.com"],
    });
    await listConnectionKeys(deps, admin.actor, voiceableId);
    const rotated = await rotateConnectionKey(deps, admin, voiceableId, created.key.id, undefined, {});
    secrets.push(rotated.twin.secret);
    await readOtherConnections(deps, admin.actor);
    await deleteConnectionKey(deps, admin, voiceableId, rotated.twin.key.id, undefined, {});
    await readOtherConnections(deps, admin.actor);
    expect(await outsideRows(voiceableId)).toHaveLength(before);
    // And DocSpace's rows never name Voiceable's keys, nor the other way round.
    const docspaceKeys = new Set((await outsideRows(docspaceId)).map((r) => r.keyId));
    for (const r of await outsideRows(voiceableId)) expect(docspaceKeys.has(r.keyId)).toBe(false);
    await expectNoSecretStored();
  });
});

describe("A second ElevenLabs workspace", () => {
  it("records a key changed straight in the workspace once, naming its service account", async () => {
    const listed = await listConnectionKeys(deps, admin.actor, elevenId);
    const baselines = (await observed(elevenId)).filter((r) => r.action === "inventory_baseline");
    expect(baselines.map((r) => r.changes)).toEqual([
      { keysRecorded: { before: null, after: listed.keys.length } },
    ]);
    const key = listed.keys.find((k) => k.enabled)!;
    const response = await fetch(`${eleven.url}/v1/service-accounts/${key.group!.id}/api-keys/${key.id}`, {
      method: "PATCH",
      headers: { "xi-api-key": ELEVEN_CREDENTIAL, "content-type": "application/json" },
      body: JSON.stringify({ is_enabled: false }),
    });
    expect(response.status).toBe(200);
    await readAllConnections(deps, admin.actor);
    await listConnectionKeys(deps, admin.actor, elevenId);
    const rows = await outsideRows(elevenId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      connectionId: elevenId,
      keyId: key.id,
      serviceAccountId: key.group!.id,
      changes: { enabled: { before: true, after: false } },
    });
    expect(Object.keys(rows[0]!.changes!)).toEqual(["enabled"]);
  });
});
