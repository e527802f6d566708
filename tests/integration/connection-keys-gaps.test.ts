// What the per-connection keys API added for issue 12's gaps, over real HTTP to the ElevenLabs,
// DocSpace and Voiceable emulators with the product's adapters and a real PGlite database: the
// list answer carries every ElevenLabs service account (one with no keys too) from the same upstream
// read; a change carrying `expected` is a 409 when one of the fields it changes moved upstream since,
// with nothing sent and nothing recorded; and the list says which keys may be the connection's own
// credential (by its last four characters, or by full access where the provider shows no hint),
// never the credential itself.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handlerErrorResponse } from "@/lib/api/handler-error";
import { addConnection } from "@/lib/connections/actions";
import { checkWithProvider } from "@/lib/connections/check";
import { encryptionKey } from "@/lib/connections/crypto";
import type { ConnectionDeps } from "@/lib/connections/list";
import type { ConnectionActionContext } from "@/lib/connections/types";
import { auditLog } from "@/lib/db/schema";
import type { Db } from "@/lib/db/database";
import * as docspaceTesting from "@/lib/emulator/docspace/testing";
import type { DocspaceEmulator } from "@/lib/emulator/docspace/server";
import * as voiceableTesting from "@/lib/emulator/voiceable/testing";
import type { VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import { changeConnectionKey, listConnectionKeys } from "@/lib/connection-keys";
import { connectionKeyChangeSchema } from "@/lib/connection-keys/schema";
import { testDatabases } from "@/tests/support/audit-log";

const open = testDatabases();
const admin = {
  actor: { id: "u_admin", email: "u_admin@example.com", name: "A", role: "admin" },
  info: { requestId: "req-gaps", ip: "203.0.113.5", userAgent: "vitest" },
} as ConnectionActionContext;
const ELEVEN_CREDENTIAL = "integration-gaps-eleven-admin-key-7Tq2";

let docspace: DocspaceEmulator;
let voiceable: VoiceableEmulator;
let eleven: Emulator;
let deps: ConnectionDeps;
let db: Db;
let docspaceId: string;
let voiceableId: string;
let elevenId: string;

beforeAll(async () => {
  docspace = await docspaceTesting.start({ seed: "demo" });
  voiceable = await voiceableTesting.start({ seed: "demo" });
  eleven = await startEmulator({ adminKeys: [ELEVEN_CREDENTIAL], seed: "demo", control: true });
  db = (await open("pglite")).db;
  const current = encryptionKey(randomBytes(32));
  deps = { db, keys: () => ({ current, all: [current] }), fixed: async () => [], check: checkWithProvider };
  const add = async (
    name: string,
    provider: "docspace" | "voiceable" | "elevenlabs",
    baseUrl: string,
    credential: string,
  ) => (await addConnection(deps, admin, { name, provider, baseUrl, credential })).connection.id;
  docspaceId = await add("Portal", "docspace", docspace.url, docspaceTesting.ADMIN_TOKEN);
  voiceableId = await add("Voice", "voiceable", `${voiceable.url}/api/v1`, voiceableTesting.OWNER_KEY);
  elevenId = await add("EU workspace", "elevenlabs", eleven.url, ELEVEN_CREDENTIAL);
}, 180_000);
afterAll(() => Promise.all([docspace.close(), voiceable.close(), eleven.close()]));
beforeEach(() => {
  docspace.log.clear();
  eleven.log.clear();
});

/** The refusal a failed call becomes, as the handler would answer it. */
async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e,
  );
  const body = (await handlerErrorResponse(error, "req-test").json()) as {
    error: { code: string; message: string; fields?: { path: string[] }[]; current?: { name: string } };
  };
  return { ...body.error, fields: body.error.fields?.map((f) => f.path.join(".")) };
}

const docspaceWrites = () => docspace.log.list().filter((r) => r.method !== "GET");
const auditCount = async () => (await db.select().from(auditLog)).length;

describe("an ElevenLabs connection's groups", () => {
  it("are every service account, one without keys too, read with the keys in one upstream call", async () => {
    const empty = eleven.store.createServiceAccount("Brand-new team");
    const answer = await listConnectionKeys(deps, admin.actor, elevenId);
    const names = answer.groups!.map((g) => g.name);
    expect(names).toContain("Brand-new team");
    expect(answer.groups).toContainEqual({ id: empty.service_account_user_id, name: "Brand-new team" });
    // Able to fail: the keys alone do not name it.
    expect(answer.keys.some((k) => k.group?.id === empty.service_account_user_id)).toBe(false);
    // Every service account the workspace has, as many as it has (the demo seed has one more without keys).
    expect(names.length).toBe(eleven.store.serviceAccounts.size);
    expect(names.length).toBeGreaterThan(new Set(answer.keys.map((k) => k.group!.id)).size);
    const reads = eleven.log.list().filter((r) => r.method === "GET");
    expect(reads.map((r) => r.path)).toEqual(["/v1/service-accounts"]);
  });

  it("are null where the provider has no groups", async () => {
    expect((await listConnectionKeys(deps, admin.actor, docspaceId)).groups).toBeNull();
  });
});

describe("a change with `expected`", () => {
  it("is a 409 when a field it changes moved upstream since, sending and recording nothing", async () => {
    const made = await docspaceTesting.createKey(docspace, { name: "Seen as this" });
    await docspaceTesting.call(docspace, "PUT", `${docspaceTesting.KEYS}/${made.id}`, {
      body: { name: "Renamed by someone" },
    });
    docspace.log.clear();
    const before = await auditCount();
    const body = connectionKeyChangeSchema.parse({ name: "Mine", expected: { name: "Seen as this" } });
    expect(
      await refusalOf(changeConnectionKey(deps, admin, docspaceId, made.id, undefined, body)),
    ).toMatchObject({
      code: "conflict",
      fields: ["name"],
      current: { name: "Renamed by someone" },
    });
    expect(docspaceWrites()).toEqual([]);
    expect(await auditCount()).toBe(before);

    // The same switch with what the list showed; and with what is there now, the change goes.
    const stale = connectionKeyChangeSchema.parse({
      enabled: false,
      reason: "leak",
      expected: { enabled: false },
    });
    expect(
      await refusalOf(changeConnectionKey(deps, admin, docspaceId, made.id, undefined, stale)),
    ).toMatchObject({
      code: "conflict",
      fields: ["enabled"],
    });
    expect(docspaceWrites()).toEqual([]);
    const fresh = connectionKeyChangeSchema.parse({ name: "Mine", expected: { name: "Renamed by someone" } });
    const changed = await changeConnectionKey(deps, admin, docspaceId, made.id, undefined, fresh);
    expect(changed.key.name).toBe("Mine");
    expect(docspaceWrites().map((r) => [r.method, r.body])).toEqual([["PUT", { name: "Mine" }]]);
  });

  it("looks only at the fields being changed: a field moved but not changed here does not stop it", async () => {
    const made = await docspaceTesting.createKey(docspace, { name: "Scoped", permissions: ["files:read"] });
    await docspaceTesting.call(docspace, "PUT", `${docspaceTesting.KEYS}/${made.id}`, {
      body: { name: "Scoped (renamed)" },
    });
    docspace.log.clear();
    const body = connectionKeyChangeSchema.parse({
      permissions: { kind: "scopes", value: ["files:read", "rooms:read"] },
      expected: { permissions: { kind: "scopes", value: ["files:read"] } },
    });
    const changed = await changeConnectionKey(deps, admin, docspaceId, made.id, undefined, body);
    expect(changed.key.name).toBe("Scoped (renamed)");
    expect(docspaceWrites().map((r) => r.body)).toEqual([{ permissions: ["files:read", "rooms:read"] }]);
  });
});

describe("a key that may be the connection's own credential", () => {
  it("is the one whose postfix is the credential's end, and the answer never holds the credential", async () => {
    const own = await docspaceTesting.createKey(docspace, { name: "Keydesk itself", permissions: ["*"] });
    const ownId = await addConnection(deps, admin, {
      name: "Portal, by its own key",
      provider: "docspace",
      baseUrl: docspace.url,
      credential: own.key,
    }).then((r) => r.connection.id);
    const answer = await listConnectionKeys(deps, admin.actor, ownId);
    expect(answer.keys.filter((k) => k.mayBeConnectionCredential).map((k) => k.id)).toEqual([own.id]);
    expect(JSON.stringify(answer)).not.toContain(own.key);
    // Able to fail: through the admin token's connection, the same key is not flagged.
    const other = await listConnectionKeys(deps, admin.actor, docspaceId);
    expect(other.keys.find((k) => k.id === own.id)?.mayBeConnectionCredential).toBe(false);
    expect(JSON.stringify(other)).not.toContain(docspaceTesting.ADMIN_TOKEN);
  });

  it("is, where the provider shows no hint (Voiceable), any private key, and no public one", async () => {
    const answer = await listConnectionKeys(deps, admin.actor, voiceableId);
    const byType = (type: string) =>
      answer.keys.filter((k) => k.permissions.kind === "key_type" && k.permissions.value === type);
    expect(byType("private").length).toBeGreaterThan(0);
    expect(byType("public").length).toBeGreaterThan(0);
    expect(byType("private").every((k) => k.mayBeConnectionCredential)).toBe(true);
    expect(byType("public").some((k) => k.mayBeConnectionCredential)).toBe(false);
    expect(JSON.stringify(answer)).not.toContain(voiceableTesting.OWNER_KEY);
  });
});
