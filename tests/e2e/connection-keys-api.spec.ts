// The per-connection keys API straight over HTTP, handlers and all: a DocSpace portal (the run's
// DocSpace emulator) and a Voiceable account (an emulator this file starts) added as connections;
// keys created exactly as asked, one-field changes sending one field, disable on DocSpace and rotate
// on Voiceable, refusals a 422 naming the field with nothing sent, support's limits, no-store on
// every answer carrying a secret, and no secret or credential in the server's log.
import { readFileSync } from "node:fs";
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { startVoiceableEmulator, type VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });
// One story in order: the last test reads the audit rows and secrets the others made.
test.describe.configure({ mode: "serial" });

const VOICEABLE_CREDENTIAL = "voiceable_e2e_owner_key_8c1d";
let voiceable: VoiceableEmulator;
let docspaceId: string;
let voiceableId: string;
const secrets: string[] = [];

type LoggedRequest = { method: string; path: string; body: unknown };

async function docspace<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${E2E.docspaceUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${E2E.docspaceAdminKey}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

/** What each emulator was sent (not its reads), from now until `call` is done. */
async function sentDuring(call: () => Promise<void>) {
  await docspace("DELETE", "/__emulator/requests");
  voiceable.log.clear();
  await call();
  const { requests } = await docspace<{ requests: LoggedRequest[] }>("GET", "/__emulator/requests");
  const writes = (list: LoggedRequest[]) =>
    list.filter((r) => r.method !== "GET").map((r) => ({ method: r.method, path: r.path, body: r.body }));
  return { docspace: writes(requests), voiceable: writes(voiceable.log.list()) };
}

async function json<T>(res: APIResponse, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status(), text).toBe(status);
  return JSON.parse(text) as T;
}

async function expect422(res: APIResponse, path: string) {
  const { error } = await json<{ error: { code: string; fields: { path: unknown[] }[] } }>(res, 422);
  expect(error.code).toBe("validation_failed");
  expect(error.fields.map((f) => f.path.join("."))).toContain(path);
}

async function addConnection(api: APIRequestContext, data: object): Promise<string> {
  const body = await json<{ connection: { id: string } }>(await api.post("/api/connections", { data }), 201);
  return body.connection.id;
}

test.beforeAll(async () => {
  voiceable = await startVoiceableEmulator({
    adminKeys: [VOICEABLE_CREDENTIAL],
    seed: "demo",
    control: true,
  });
  const api = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  await docspace("POST", "/__emulator/reset", { seed: "demo" });
  docspaceId = await addConnection(api, {
    name: `Keys API portal ${Date.now()}`,
    provider: "docspace",
    baseUrl: E2E.docspaceUrl,
    credential: E2E.docspaceAdminKey,
  });
  voiceableId = await addConnection(api, {
    name: `Keys API voice ${Date.now()}`,
    provider: "voiceable",
    baseUrl: `${voiceable.url}/api/v1`,
    credential: VOICEABLE_CREDENTIAL,
  });
  await api.dispose();
});

test.afterAll(async () => {
  const api = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  for (const id of [docspaceId, voiceableId]) if (id) await api.delete(`/api/connections/${id}`);
  await api.dispose();
  await voiceable.close();
});

const keysOf = (id: string) => `/api/connections/${id}/keys`;

test("lists a connection's keys with its capabilities, never a secret's hash", async ({ request }) => {
  const body = await json<{
    connection: { id: string; provider: string };
    capabilities: { disable: boolean };
    keys: Record<string, unknown>[];
    readAt: string;
  }>(await request.get(keysOf(voiceableId)), 200);
  expect(body.connection).toMatchObject({ id: voiceableId, provider: "voiceable" });
  expect(body.capabilities.disable).toBe(false);
  expect(body.keys.length).toBeGreaterThan(0);
  expect(body.keys.every((k) => !("secretHash" in k))).toBe(true);
  expect(Date.parse(body.readAt)).not.toBeNaN();
});

test("DocSpace: creates with scopes as asked, changes one field alone, support disables with a reason", async ({
  request,
}) => {
  let created!: { key: { id: string }; secret: string };
  const sentCreate = await sentDuring(async () => {
    const res = await request.post(keysOf(docspaceId), {
      data: {
        name: "E2E backups",
        permissions: { kind: "scopes", value: ["files:read"] },
        expiresInDays: 30,
      },
    });
    expect(res.headers()["cache-control"]).toBe("no-store");
    created = await json(res, 201);
  });
  secrets.push(created.secret);
  expect(sentCreate.docspace).toEqual([
    {
      method: "POST",
      path: "/api/2.0/keys",
      body: { name: "E2E backups", permissions: ["files:read"], expiresInDays: 30 },
    },
  ]);
  const { response: upstream } = await docspace<{
    response: { id: string; name: string; permissions: string[] }[];
  }>("GET", "/api/2.0/keys");
  expect(upstream.find((k) => k.id === created.key.id)).toMatchObject({
    name: "E2E backups",
    permissions: ["files:read"],
  });

  const keyUrl = `${keysOf(docspaceId)}/${created.key.id}`;
  const sentRename = await sentDuring(async () => {
    await json(await request.patch(keyUrl, { data: { name: "E2E renamed" } }), 200);
  });
  expect(sentRename.docspace).toEqual([
    { method: "PUT", path: `/api/2.0/keys/${created.key.id}`, body: { name: "E2E renamed" } },
  ]);

  const support = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("support"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  const refused = await sentDuring(async () => {
    await expect422(await support.patch(keyUrl, { data: { enabled: false } }), "reason");
    await json(await support.patch(keyUrl, { data: { name: "nope" } }), 403);
    await json(await support.post(`${keyUrl}/rotate`), 403);
    await json(await support.delete(keyUrl), 403);
  });
  expect(refused.docspace).toEqual([]);
  const disabled = await sentDuring(async () => {
    const { key } = await json<{ key: { enabled: boolean } }>(
      await support.patch(keyUrl, { data: { enabled: false, reason: "seen in a screenshot" } }),
      200,
    );
    expect(key.enabled).toBe(false);
  });
  expect(disabled.docspace).toEqual([
    { method: "PUT", path: `/api/2.0/keys/${created.key.id}`, body: { isActive: false } },
  ]);
  await support.dispose();

  const deleted = await sentDuring(async () => {
    expect(await json(await request.delete(keyUrl, { data: { reason: "done" } }), 200)).toEqual({
      deleted: true,
    });
  });
  expect(deleted.docspace).toEqual([
    { method: "DELETE", path: `/api/2.0/keys/${created.key.id}`, body: null },
  ]);
});

test("Voiceable: creates with origins and assistants as asked, refuses a disable, support rotates", async ({
  request,
}) => {
  const res = await request.post(keysOf(voiceableId), {
    data: {
      name: "E2E widget",
      permissions: { kind: "key_type", value: "public" },
      allowedOrigins: ["https://shop.example.com"],
      assistants: { allowed: ["41"], transient: false },
    },
  });
  const created = await json<{ key: { id: string }; secret: string }>(res, 201);
  secrets.push(created.secret);
  const listed = await (
    await fetch(`${voiceable.url}/api/v1/api_keys`, { headers: { "x-api-key": VOICEABLE_CREDENTIAL } })
  ).json();
  expect((listed.data as { id: number }[]).find((k) => String(k.id) === created.key.id)).toMatchObject({
    name: "E2E widget",
    key_type: "public",
    allowed_origins: ["https://shop.example.com"],
    allowed_assistants: ["41"],
    transient_assistant: false,
  });

  const keyUrl = `${keysOf(voiceableId)}/${created.key.id}`;
  const refused = await sentDuring(async () => {
    await expect422(await request.patch(keyUrl, { data: { enabled: false, reason: "leak" } }), "enabled");
    await expect422(
      await request.patch(keyUrl, { data: { allowedOrigins: ["https://ok.example", "ftp://x.io"] } }),
      "allowedOrigins.1",
    );
    await expect422(
      await request.post(keysOf(voiceableId), {
        data: { name: "k", permissions: { kind: "scopes", value: "all" } },
      }),
      "permissions",
    );
    await expect422(await request.patch(`${keyUrl}?group=sa_1`, { data: { name: "x" } }), "group");
  });
  expect(refused.voiceable).toEqual([]);

  const changed = await sentDuring(async () => {
    await json(await request.patch(keyUrl, { data: { allowedOrigins: [] } }), 200);
  });
  expect(changed.voiceable).toEqual([
    { method: "PUT", path: `/api/v1/api_keys/${created.key.id}`, body: { api_key: { allowed_origins: [] } } },
  ]);

  const support = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("support"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  const rotation = await sentDuring(async () => {
    const res = await support.post(`${keyUrl}/rotate`, { data: { reason: "pasted in chat" } });
    expect(res.headers()["cache-control"]).toBe("no-store");
    const rotated = await json<{
      style: string;
      twin: { key: { id: string }; secret: string };
      old: unknown;
    }>(res, 200);
    secrets.push(rotated.twin.secret);
    expect(rotated.style).toBe("twin_then_delete");
    expect(rotated.old).toEqual({ id: created.key.id, outcome: "deleted" });
  });
  await support.dispose();
  expect(rotation.voiceable.map((r) => [r.method, r.path])).toEqual([
    ["POST", "/api/v1/api_keys"],
    ["DELETE", `/api/v1/api_keys/${created.key.id}`],
  ]);
});

test("the audit log shows the keys' changes with their connection, and no secret is in it or the server log", async ({
  request,
}) => {
  const audit = await json<{ entries: { action: string; target: { connectionId: string | null } }[] }>(
    await request.get("/api/audit?limit=200"),
    200,
  );
  const keyEntries = audit.entries.filter(
    (e) => e.action.startsWith("key_") && [docspaceId, voiceableId].includes(e.target.connectionId ?? ""),
  );
  expect(new Set(keyEntries.map((e) => e.action))).toEqual(
    new Set(["key_created", "key_updated", "key_disabled", "key_deleted", "key_rotated"]),
  );
  const text = JSON.stringify(audit);
  const log = readFileSync(E2E.consoleLog, "utf8");
  expect(secrets.length).toBe(3);
  for (const secret of [...secrets, VOICEABLE_CREDENTIAL, E2E.docspaceAdminKey]) {
    expect(text).not.toContain(secret);
    expect(log).not.toContain(secret);
  }
});
