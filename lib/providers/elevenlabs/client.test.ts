// The ElevenLabs adapter against the ElevenLabs emulator over HTTP: the provider interface over the
// product's own client (lib/elevenlabs), keys grouped by service account, and exactly which calls
// reach ElevenLabs.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Fault } from "@/lib/emulator/common/faults";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import { createUpstream } from "@/lib/elevenlabs/client";
import { ProviderRefusal } from "../errors";
import type { KeyClient, NewKey, ProviderKey } from "../types";
import { elevenlabsProvider } from "./client";

const ADMIN_KEY = "adm_providers_elevenlabs_0123456789";
const SA_LIST = "/v1/service-accounts";
let emulator: Emulator;
let client: KeyClient;
let saId: string;

beforeAll(async () => {
  emulator = await startEmulator({ adminKeys: [ADMIN_KEY], seed: "empty", control: true });
  client = elevenlabsProvider.connect({
    baseUrl: emulator.url,
    credential: ADMIN_KEY,
    timeoutMs: 400,
    retryPolicy: { retries: 2, baseDelayMs: 10, maxRetryAfterMs: 5_000 },
  });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.reset("empty");
  const upstream = createUpstream({ baseUrl: emulator.url, apiKey: ADMIN_KEY, timeoutMs: 2_000 });
  saId = (await upstream.createServiceAccount("Backend")).id;
  emulator.log.clear();
});

const inject = (method: string, path: string, fault: Fault, count = 1) =>
  emulator.faults.add({ method, path, remaining: count, fault });
const keysPath = () => `${SA_LIST}/${saId}/api-keys`;
const calls = () => emulator.log.list().map((r) => [r.method, r.path, r.status]);
const bodies = (method: string) =>
  emulator.log
    .list()
    .filter((r) => r.method === method)
    .map((r) => r.body);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    (value) => expect.unreachable(`expected a failure, got ${JSON.stringify(value)}`),
    (e: unknown) =>
      e as Error & { kind: string; field?: (string | number)[]; requestId?: string; upstreamStatus?: number },
  );

const TTS = (): NewKey => ({
  name: "tts-prod",
  groupId: saId,
  permissions: { kind: "permission_list", value: ["text_to_speech", "voices_read"] },
  characterLimit: 10_000,
  ipAllowlist: ["203.0.113.0/24"],
});

async function made(input: Partial<NewKey> = {}) {
  const created = await client.create({ ...TTS(), ...input });
  emulator.log.clear();
  return created;
}

describe("reading", () => {
  it("lists the keys of every service account, each with its group, in one call", async () => {
    emulator.reset("demo");
    const keys = await client.list();
    expect(calls()).toEqual([["GET", SA_LIST, 200]]);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.find((k) => k.name === "prod-tts-primary")).toEqual({
      id: expect.any(String),
      name: "prod-tts-primary",
      group: { id: expect.any(String), name: expect.any(String) },
      owner: null,
      hint: expect.stringMatching(/^[0-9a-f]{4}$/),
      secretHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      enabled: true,
      disableReason: null,
      createdAt: expect.stringMatching(/^\d{4}-/),
      lastUsedAt: null,
      expiresAt: null,
      permissions: {
        kind: "permission_list",
        value: ["text_to_speech", "models_read", "voices_read"],
        unknown: [],
      },
      restrictions: {
        characterLimit: { limit: 5_000_000, used: 4_350_000 },
        ipAllowlist: ["203.0.113.0/24", "198.51.100.7/32"],
      },
    } satisfies ProviderKey);
    expect(keys.find((k) => k.name === "prod-tts-legacy")).toMatchObject({
      enabled: false,
      disableReason: "exposed_publicly",
      permissions: { value: "all" },
    });
  });

  it("retries reads within bounds (the product client's policy), never more than three calls", async () => {
    inject("GET", SA_LIST, { kind: "status", status: 503 }, 5);
    expect(await failure(client.list())).toMatchObject({ kind: "unavailable", upstreamStatus: 503 });
    expect(calls()).toHaveLength(3);
  });
});

describe("creating and changing", () => {
  it("creates in the named service account with exactly what was asked, and returns the secret once", async () => {
    const { key, secret } = await client.create(TTS());
    expect(bodies("POST")).toEqual([
      {
        name: "tts-prod",
        permissions: ["text_to_speech", "voices_read"],
        character_limit: 10_000,
        allowed_ips: ["203.0.113.0/24"],
      },
    ]);
    expect(key).toMatchObject({
      name: "tts-prod",
      group: { id: saId },
      hint: secret.slice(-4),
      secretHash: createHash("sha256").update(secret).digest("hex"),
      restrictions: { characterLimit: { limit: 10_000 }, ipAllowlist: ["203.0.113.0/24"] },
    });
    expect(JSON.stringify(await client.list())).not.toContain(secret);
  });

  it("still returns the secret when reading the new key back fails", async () => {
    inject("GET", keysPath(), { kind: "status", status: 500 }, 3);
    const { key, secret } = await client.create(TTS());
    expect(secret).toMatch(/^sk_/);
    expect(key).toMatchObject({ name: "tts-prod", hint: secret.slice(-4), createdAt: null });
    expect(calls().filter((c) => c[0] === "POST")).toHaveLength(1);
  });

  it("never retries a create after a 503", async () => {
    inject("POST", keysPath(), { kind: "status", status: 503 });
    expect(await failure(client.create(TTS()))).toMatchObject({ kind: "unavailable" });
    expect(calls()).toEqual([["POST", keysPath(), 503]]);
  });

  it("sends only the fields given (null clears), then reads the key back", async () => {
    const { key } = await made();
    const after = await client.change(key, { name: "tts-renamed", ipAllowlist: null });
    expect(bodies("PATCH")).toEqual([{ name: "tts-renamed", allowed_ips: "clear" }]);
    expect(after).toMatchObject({
      name: "tts-renamed",
      restrictions: { ipAllowlist: null, characterLimit: { limit: 10_000 } },
    });
  });

  it("disables and enables a key", async () => {
    const { key } = await made();
    expect((await client.setEnabled(key, false)).enabled).toBe(false);
    expect((await client.setEnabled(key, true)).enabled).toBe(true);
    expect(bodies("PATCH")).toEqual([{ is_enabled: false }, { is_enabled: true }]);
  });

  it("never retries a change after a 502", async () => {
    const { key } = await made();
    inject("PATCH", `${keysPath()}/${key.id}`, { kind: "status", status: 502 });
    expect(await failure(client.setEnabled(key, false))).toMatchObject({ kind: "unavailable" });
    expect(calls()).toEqual([["PATCH", `${keysPath()}/${key.id}`, 502]]);
  });

  it("refuses, before any call, what ElevenLabs keys cannot have and a key named without its service account", async () => {
    const { key } = await made();
    const attempts = [
      client.create({ ...TTS(), groupId: undefined }),
      client.create({ ...TTS(), allowedOrigins: ["https://a.example"] }),
      client.create({ ...TTS(), expiresInDays: 30 }),
      client.create({ ...TTS(), permissions: { kind: "scopes", value: "all" } }),
      client.change(key, { assistants: { allowed: ["x"] } }),
      client.change({ id: key.id }, { name: "x" }),
      client.delete({ id: key.id, group: null }),
    ];
    for (const attempt of attempts) expect(ProviderRefusal.is(await failure(attempt))).toBe(true);
    expect(calls()).toEqual([]);
  });
});

describe("deleting, rotating, finding", () => {
  it("deletes a key", async () => {
    const { key } = await made();
    await client.delete(key);
    expect(calls()).toEqual([["DELETE", `${keysPath()}/${key.id}`, 200]]);
    expect(await client.list()).toEqual([]);
  });

  it("rotates by a twin with the same permissions, limit and allowlist, then deletes the old key", async () => {
    const { key: old } = await made();
    const result = await client.rotate(old);
    expect(bodies("POST")).toEqual([
      {
        name: "tts-prod",
        permissions: ["text_to_speech", "voices_read"],
        character_limit: 10_000,
        allowed_ips: ["203.0.113.0/24"],
      },
    ]);
    expect(calls().at(-1)!.slice(0, 2)).toEqual(["DELETE", `${keysPath()}/${old.id}`]);
    expect(result).toMatchObject({ style: "twin_then_delete", old: { id: old.id, outcome: "deleted" } });
    expect(result.twin.key).toMatchObject({
      permissions: old.permissions,
      restrictions: { ipAllowlist: ["203.0.113.0/24"] },
    });
    expect((await client.list()).map((k) => k.id)).toEqual([result.twin.key.id]);
  });

  it("reports the twin when the old key's delete fails", async () => {
    const { key: old } = await made();
    inject("DELETE", `${keysPath()}/${old.id}`, { kind: "status", status: 500 });
    const result = await client.rotate(old);
    expect(result.old).toMatchObject({ outcome: "delete_failed", error: { kind: "unavailable" } });
    expect(result.twin.secret).toMatch(/^sk_/);
    expect(calls().filter((c) => c[0] === "DELETE")).toHaveLength(1);
  });

  it("finds a pasted secret by its hash first, and keys by hint, id and name", async () => {
    const { key, secret } = await made();
    const [match] = await client.find(secret);
    expect(match!.key.id).toBe(key.id);
    expect(match!.matchedBy).toEqual(["secret_hash", "hint"]);
    expect((await client.find(key.id))[0]!.matchedBy).toEqual(["id"]);
    expect((await client.find("TTS-PR"))[0]!.matchedBy).toEqual(["name"]);
  });
});
