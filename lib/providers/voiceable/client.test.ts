// The Voiceable adapter against the Voiceable emulator over HTTP: every operation, the capabilities
// it must honour (no disable, a key type fixed at creation), and exactly which calls reach Voiceable.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Fault } from "@/lib/emulator/common/faults";
import type { VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { call, KEYS, OWNER_KEY, start } from "@/lib/emulator/voiceable/testing";
import { ProviderRefusal } from "../errors";
import type { KeyClient, NewKey, ProviderKey } from "../types";
import { voiceableProvider } from "./client";

let emulator: VoiceableEmulator;
let client: KeyClient;

beforeAll(async () => {
  emulator = await start();
  client = voiceableProvider.connect({
    baseUrl: `${emulator.url}/api/v1`,
    credential: OWNER_KEY,
    timeoutMs: 400,
    retryPolicy: { retries: 2, baseDelayMs: 10, maxRetryAfterMs: 5_000 },
  });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset("empty"));

const inject = (method: string, path: string, fault: Fault, count = 1) =>
  emulator.faults.add({ method, path, remaining: count, fault });
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
/** Voiceable knows the secret (a public key is known but may not manage keys: 403, not 401). */
const authenticates = async (secret: string) =>
  (await call(emulator, "GET", KEYS, { apiKey: secret })).status !== 401;

const WIDGET: NewKey = {
  name: "Website widget",
  permissions: { kind: "key_type", value: "public" },
  allowedOrigins: ["https://shop.example.com", "http://localhost:3000"],
  assistants: { allowed: ["asst_sales", "asst_support"], transient: false },
};

async function made(input: Partial<NewKey> = {}) {
  const created = await client.create({ ...WIDGET, ...input });
  emulator.log.clear();
  return created;
}

describe("reading", () => {
  it("lists every key as a provider-neutral key, in one call, with no secret even if one is sent", async () => {
    emulator.reset("demo");
    const keys = await client.list();
    expect(keys).toHaveLength(8);
    expect(calls()).toEqual([["GET", KEYS, 200]]);
    expect(keys.find((k) => k.name === "Website widget (dev)")).toEqual({
      id: expect.stringMatching(/^\d+$/),
      name: "Website widget (dev)",
      group: null,
      owner: "owner@example.com",
      hint: null,
      secretHash: null,
      enabled: null,
      disableReason: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastUsedAt: null,
      expiresAt: null,
      permissions: { kind: "key_type", value: "public" },
      restrictions: {
        allowedOrigins: ["http://localhost:3000", "https://staging.example.com"],
        assistants: { allowed: ["asst_sales"], transient: false },
      },
    } satisfies ProviderKey);
    expect(keys.find((k) => k.name === "Campaign builder")!.restrictions.assistants).toEqual({
      allowed: [],
      transient: true,
    });
  });

  it("retries reads within bounds: two 503s then success; never more than three calls", async () => {
    inject("GET", KEYS, { kind: "status", status: 503 }, 2);
    await expect(client.list()).resolves.toEqual([]);
    expect(calls().map((c) => c[2])).toEqual([503, 503, 200]);
    emulator.log.clear();
    inject("GET", KEYS, { kind: "status", status: 500 }, 10);
    expect(await failure(client.list())).toMatchObject({ kind: "unavailable", upstreamStatus: 500 });
    expect(calls()).toHaveLength(3);
  });

  it("retries a read that hung past the time limit", async () => {
    inject("GET", KEYS, { kind: "hang" });
    await expect(client.list()).resolves.toEqual([]);
    expect(calls()).toHaveLength(2);
  });

  it("reports answers of the wrong shape as bad_response", async () => {
    const ok = (data: unknown): Fault => ({
      kind: "status",
      status: 200,
      body: { status: { code: 200, message: "Success" }, data },
    });
    const base = {
      id: 1,
      name: "n",
      key_type: "private",
      allowed_origins: [],
      allowed_assistants: [],
      transient_assistant: false,
      user_email: "o@example.com",
      created_at: "2026-01-01T00:00:00Z",
    };
    for (const data of [
      [{ ...base, id: "1" }],
      [{ ...base, key_type: "admin" }],
      [{ ...base, allowed_origins: [1] }],
      [{ ...base, transient_assistant: "no" }],
      [{ ...base, created_at: "soon" }],
      { keys: [] },
    ]) {
      inject("GET", KEYS, ok(data));
      expect(await failure(client.list()), JSON.stringify(data)).toMatchObject({ kind: "bad_response" });
    }
    // A secret a list might carry (Voiceable's dashboard reads one) is dropped, unread.
    inject("GET", KEYS, ok([{ ...base, key_value: "vk_priv_" + "a".repeat(48) }]));
    expect(JSON.stringify(await client.list())).not.toContain("vk_priv_");
  });

  it("reports an unreadable answer as bad_response", async () => {
    inject("GET", KEYS, { kind: "malformed" });
    expect(await failure(client.list())).toMatchObject({ kind: "bad_response" });
  });
});

describe("creating", () => {
  it("sends the type, origins and assistants, and returns the secret once", async () => {
    const { key, secret } = await client.create(WIDGET);
    expect(bodies("POST")).toEqual([
      {
        api_key: {
          name: "Website widget",
          key_type: "public",
          allowed_origins: ["https://shop.example.com", "http://localhost:3000"],
          allowed_assistants: ["asst_sales", "asst_support"],
          transient_assistant: false,
        },
      },
    ]);
    expect(secret).toMatch(/^vk_pub_[0-9a-f]{48}$/);
    expect(key).toMatchObject({
      name: "Website widget",
      enabled: null,
      hint: null,
      permissions: { kind: "key_type", value: "public" },
      restrictions: { allowedOrigins: WIDGET.allowedOrigins, assistants: WIDGET.assistants },
    });
    expect(await authenticates(secret)).toBe(true);
    expect(JSON.stringify(await client.list())).not.toContain(secret);
  });

  it("sends only name and type when nothing else is asked", async () => {
    await client.create({ name: "Backend", permissions: { kind: "key_type", value: "private" } });
    expect(bodies("POST")).toEqual([{ api_key: { name: "Backend", key_type: "private" } }]);
  });

  it("passes Voiceable's own messages on for values it refuses (422)", async () => {
    const error = await failure(client.create({ ...WIDGET, allowedOrigins: ["ftp://x.io"] }));
    expect(error).toMatchObject({
      kind: "validation",
      upstreamStatus: 422,
      field: ["allowedOrigins"],
      message: "Voiceable refused a value: Allowed origins contains an invalid origin: ftp://x.io.",
      requestId: expect.any(String),
    });
  });

  it("never retries a create after a 502 or a hang", async () => {
    inject("POST", KEYS, { kind: "status", status: 502 });
    expect(await failure(client.create(WIDGET))).toMatchObject({ kind: "unavailable" });
    inject("POST", KEYS, { kind: "hang", after: true });
    expect(await failure(client.create(WIDGET))).toMatchObject({ kind: "timeout" });
    expect(calls().filter((c) => c[0] === "POST")).toHaveLength(2);
  });

  it("refuses, before any call, what Voiceable keys cannot have", async () => {
    const cases: [NewKey, string, (string | number)[]][] = [
      [{ ...WIDGET, permissions: { kind: "key_type", value: "all" as never } }, "invalid", ["permissions"]],
      [
        { ...WIDGET, permissions: { kind: "key_type", value: "secret" as never } },
        "invalid",
        ["permissions", 0],
      ],
      [{ ...WIDGET, permissions: { kind: "scopes", value: "all" } }, "invalid", ["permissions"]],
      [{ ...WIDGET, expiresInDays: 30 }, "not_supported", ["expiresInDays"]],
      [{ ...WIDGET, ipAllowlist: ["10.0.0.0/8"] }, "not_supported", ["ipAllowlist"]],
      [{ ...WIDGET, characterLimit: 1000 }, "not_supported", ["characterLimit"]],
      [{ ...WIDGET, name: "x".repeat(256) }, "invalid", ["name"]],
    ];
    for (const [input, kind, field] of cases) {
      const error = await failure(client.create(input));
      expect(ProviderRefusal.is(error), JSON.stringify(field)).toBe(true);
      expect({ kind: error.kind, field: error.field }).toEqual({ kind, field });
    }
    expect(calls()).toEqual([]);
  });
});

describe("changing", () => {
  it("sends only the fields given and answers the key Voiceable returns, without a re-read", async () => {
    const { key } = await made();
    const after = await client.change(key, { allowedOrigins: ["https://shop.example.com"] });
    expect(bodies("PUT")).toEqual([{ api_key: { allowed_origins: ["https://shop.example.com"] } }]);
    expect(calls()).toEqual([["PUT", `${KEYS}/${key.id}`, 200]]);
    expect(after).toEqual({
      ...key,
      restrictions: { ...key.restrictions, allowedOrigins: ["https://shop.example.com"] },
    });
  });

  it("changes the assistants and the transient flag one at a time", async () => {
    const { key } = await made();
    await client.change(key, { assistants: { transient: true } });
    const after = await client.change(key, { assistants: { allowed: [] }, name: "Widget v2" });
    expect(bodies("PUT")).toEqual([
      { api_key: { transient_assistant: true } },
      { api_key: { name: "Widget v2", allowed_assistants: [] } },
    ]);
    expect(after).toMatchObject({
      name: "Widget v2",
      restrictions: { assistants: { allowed: [], transient: true } },
    });
  });

  it("reads the key instead of sending an empty change (Voiceable refuses one)", async () => {
    const { key } = await made();
    expect(await client.change(key, {})).toEqual(key);
    expect(calls()).toEqual([["GET", `${KEYS}/${key.id}`, 200]]);
  });

  it("refuses to disable or enable a key, before any call: Voiceable has no disable", async () => {
    const { key } = await made();
    for (const enabled of [false, true]) {
      const error = await failure(client.setEnabled(key, enabled));
      expect(ProviderRefusal.is(error)).toBe(true);
      expect(error).toMatchObject({
        kind: "not_supported",
        field: ["enabled"],
        message: expect.stringMatching(/cannot be disabled.*[Rr]otate.*delete/),
      });
    }
    expect(calls()).toEqual([]);
  });

  it("refuses to change the key type (fixed at creation) or give it scopes or an expiry", async () => {
    const { key } = await made();
    for (const changes of [
      { permissions: { kind: "key_type", value: "private" } },
      { ipAllowlist: null },
      { expiresInDays: 3 },
    ] as never[]) {
      expect(ProviderRefusal.is(await failure(client.change(key, changes)))).toBe(true);
    }
    expect(calls()).toEqual([]);
  });

  it("never retries a change after a 503", async () => {
    const { key } = await made();
    inject("PUT", `${KEYS}/*`, { kind: "status", status: 503, after: true });
    expect(await failure(client.change(key, { name: "Renamed" }))).toMatchObject({ kind: "unavailable" });
    expect(calls()).toEqual([["PUT", `${KEYS}/${key.id}`, 503]]);
  });
});

describe("deleting and rotating", () => {
  it("deletes a key: gone, its secret refused; a second delete is not_found", async () => {
    const { key, secret } = await made();
    await client.delete(key);
    expect(calls()).toEqual([["DELETE", `${KEYS}/${key.id}`, 200]]);
    expect(await authenticates(secret)).toBe(false);
    expect(await failure(client.delete(key))).toMatchObject({ kind: "not_found", upstreamStatus: 404 });
  });

  it("rotates by creating a twin with the same type, origins, assistants and flag, then deleting the old key", async () => {
    const { key: old, secret: oldSecret } = await made({
      assistants: { allowed: ["asst_sales"], transient: true },
    });
    const result = await client.rotate(old);
    expect(calls().map((c) => c.slice(0, 2))).toEqual([
      ["GET", `${KEYS}/${old.id}`],
      ["POST", KEYS],
      ["DELETE", `${KEYS}/${old.id}`],
    ]);
    expect(bodies("POST")).toEqual([
      {
        api_key: {
          name: "Website widget",
          key_type: "public",
          allowed_origins: WIDGET.allowedOrigins,
          allowed_assistants: ["asst_sales"],
          transient_assistant: true,
        },
      },
    ]);
    expect(result).toMatchObject({ style: "twin_then_delete", old: { id: old.id, outcome: "deleted" } });
    expect(result.twin.key).toMatchObject({ permissions: old.permissions, restrictions: old.restrictions });
    expect(result.twin.key.id).not.toBe(old.id);
    expect(await authenticates(result.twin.secret)).toBe(true);
    expect(await authenticates(oldSecret)).toBe(false);
  });

  it("reports the twin, with its secret, when the old key's delete fails, and does not retry it", async () => {
    const { key: old } = await made();
    inject("DELETE", `${KEYS}/*`, { kind: "drop" });
    const result = await client.rotate(old);
    expect(result.old).toMatchObject({
      id: old.id,
      outcome: "delete_failed",
      error: { kind: "unavailable" },
    });
    expect(await authenticates(result.twin.secret)).toBe(true);
    expect(calls().filter((c) => c[0] === "DELETE")).toHaveLength(1);
    expect((await client.list()).map((k) => k.id)).toEqual([old.id, result.twin.key.id]);
  });
});

describe("hostile ids", () => {
  it("refuses an id that is not one path segment, before any call", async () => {
    for (const id of ["..", "1/2", "\uDC00"]) {
      for (const attempt of [
        () => client.delete({ id }),
        () => client.change({ id }, { name: "x" }),
        () => client.rotate({ id }),
      ]) {
        expect(await failure(attempt())).toMatchObject({ kind: "invalid", field: ["id"] });
      }
    }
    expect(calls()).toEqual([]);
  });
});

describe("finding", () => {
  it("finds by id and name (Voiceable has no hint or hash)", async () => {
    const { key, secret } = await made();
    expect(await client.find(key.id)).toEqual([{ key, matchedBy: ["id"] }]);
    expect(await client.find("WIDGET")).toEqual([{ key, matchedBy: ["name"] }]);
    expect(await client.find(secret)).toEqual([]);
  });
});

describe("with a credential Voiceable does not accept", () => {
  it("reports a wrong key as bad_admin_key and a public key as missing_rights", async () => {
    const wrong = voiceableProvider.connect({
      baseUrl: `${emulator.url}/api/v1`,
      credential: "vk_priv_nope",
      timeoutMs: 400,
    });
    expect(await failure(wrong.list())).toMatchObject({
      kind: "bad_admin_key",
      upstreamStatus: 401,
      requestId: expect.any(String),
    });
    const { secret } = await made();
    const publicKey = voiceableProvider.connect({
      baseUrl: `${emulator.url}/api/v1`,
      credential: secret,
      timeoutMs: 400,
    });
    expect(await failure(publicKey.list())).toMatchObject({ kind: "missing_rights", upstreamStatus: 403 });
  });
});
