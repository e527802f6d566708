// API.md §1-§3: the six endpoints' happy paths and their exact wire shapes; PATCH in both the old
// full-body style and the partial style with "no_update" and "clear"; DELETE; unknown ids.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import {
  call,
  createAccount,
  createKey,
  expectError,
  getKey,
  KEY_FIELDS,
  listKeys,
  REQUIRED_KEY_FIELDS,
  SERVICE_ACCOUNT_FIELDS,
  sorted,
  start,
} from "@/tests/support/emulator-calls";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const keyPath = (saId: string, keyId: string) => `/v1/service-accounts/${saId}/api-keys/${keyId}`;

describe("service accounts", () => {
  it('create answers exactly {"service-account-user-id"}, and list embeds the account', async () => {
    const created = await call(emulator, "POST", "/v1/service-accounts", { body: { name: "Billing" } });
    expect(created.status).toBe(200);
    expect(sorted(created.body)).toEqual(["service-account-user-id"]);
    const saId = created.body["service-account-user-id"];
    expect(saId).toMatch(/^[A-Za-z0-9]+$/);

    const list = await call(emulator, "GET", "/v1/service-accounts");
    expect(sorted(list.body)).toEqual(["service-accounts"]);
    expect(list.body["service-accounts"]).toHaveLength(1);
    const account = list.body["service-accounts"][0];
    expect(sorted(account)).toEqual(SERVICE_ACCOUNT_FIELDS);
    expect(account).toMatchObject({
      service_account_user_id: saId,
      name: "Billing",
      "api-keys": [],
      default_sharing_groups: [],
    });
    expect(Number.isInteger(account.created_at_unix)).toBe(true);
    expect(Math.abs(account.created_at_unix - Date.now() / 1000)).toBeLessThan(60);
  });

  it("embeds every key in full, the same as the key list", async () => {
    const saId = await createAccount(emulator);
    await createKey(emulator, saId, { name: "a" });
    await createKey(emulator, saId, { name: "b", permissions: "all" });
    const list = await call(emulator, "GET", "/v1/service-accounts");
    expect(list.body["service-accounts"][0]["api-keys"]).toEqual(await listKeys(emulator, saId));
  });

  it("allows 20 per workspace; the 21st is a 4xx with a detail object", async () => {
    for (let i = 0; i < 20; i++) await createAccount(emulator, `sa-${i}`);
    const reply = await call(emulator, "POST", "/v1/service-accounts", { body: { name: "one too many" } });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expectError(reply, reply.status, "service_account_limit_reached", "invalid_request", /20/);
    expect((await call(emulator, "GET", "/v1/service-accounts")).body["service-accounts"]).toHaveLength(20);
  });
});

describe("create and list keys", () => {
  it('create answers exactly {"xi-api-key", "key_id"}; list shows every key field, never the secret', async () => {
    const saId = await createAccount(emulator);
    const reply = await call(emulator, "POST", `/v1/service-accounts/${saId}/api-keys`, {
      body: {
        name: "tts",
        permissions: ["text_to_speech", "voices_read"],
        character_limit: 1000,
        allowed_ips: ["10.1.2.3"],
      },
    });
    expect(reply.status).toBe(200);
    expect(sorted(reply.body)).toEqual(["key_id", "xi-api-key"]);
    const secret: string = reply.body["xi-api-key"];
    expect(secret).toMatch(/^sk_[0-9a-f]{48}$/);
    expect(secret).toHaveLength(51);

    const keysReply = await call(emulator, "GET", `/v1/service-accounts/${saId}/api-keys`);
    expect(sorted(keysReply.body)).toEqual(["api-keys"]);
    expect(keysReply.text).not.toContain(secret);
    const [key] = keysReply.body["api-keys"];
    expect(sorted(key)).toEqual(KEY_FIELDS);
    for (const field of REQUIRED_KEY_FIELDS) expect(typeof key[field]).toBe("string");
    expect(key).toMatchObject({
      name: "tts",
      key_id: reply.body.key_id,
      service_account_user_id: saId,
      hint: secret.slice(-4),
      is_disabled: false,
      permissions: ["text_to_speech", "voices_read"],
      disable_reason: null,
      character_limit: 1000,
      character_count: 0,
      allowed_ips: ["10.1.2.3/32"],
      third_party_disable_allowed: null,
    });
    expect(key.hashed_xi_api_key).toMatch(/^[0-9a-f]{64}$/);
    expect(Math.abs(key.created_at_unix - Date.now() / 1000)).toBeLessThan(60);
  });

  it("each key gets its own id and secret", async () => {
    const saId = await createAccount(emulator);
    const a = await createKey(emulator, saId);
    const b = await createKey(emulator, saId);
    expect(a.keyId).not.toBe(b.keyId);
    expect(a.secret).not.toBe(b.secret);
  });

  it('"all" lists as permissions null; [] stays []; a list is de-duplicated in order', async () => {
    const saId = await createAccount(emulator);
    const all = await createKey(emulator, saId, { permissions: "all" });
    const none = await createKey(emulator, saId, { permissions: [] });
    const dup = await createKey(emulator, saId, {
      permissions: ["voices_read", "text_to_speech", "voices_read"],
    });
    expect((await getKey(emulator, saId, all.keyId)).permissions).toBeNull();
    expect((await getKey(emulator, saId, none.keyId)).permissions).toEqual([]);
    expect((await getKey(emulator, saId, dup.keyId)).permissions).toEqual(["voices_read", "text_to_speech"]);
  });

  it("optional fields left out or null mean no cap, any IP, workspace default", async () => {
    const saId = await createAccount(emulator);
    const { keyId } = await createKey(emulator, saId, {
      character_limit: null,
      allowed_ips: null,
      third_party_disable_allowed: null,
    });
    expect(await getKey(emulator, saId, keyId)).toMatchObject({
      character_limit: null,
      allowed_ips: null,
      third_party_disable_allowed: null,
    });
  });

  it("third_party_disable_allowed and the concurrency limits are kept", async () => {
    const saId = await createAccount(emulator);
    const { keyId } = await createKey(emulator, saId, {
      third_party_disable_allowed: false,
      tts_concurrency_limit: 4,
      music_concurrency_limit: 1,
    });
    const key = await getKey(emulator, saId, keyId);
    expect(key.third_party_disable_allowed).toBe(false);
    expect(key.platform_limits).toEqual({ concurrency: { limit: 4 }, music_concurrency: { limit: 1 } });
  });

  it("unknown service account: 404 not_found with a detail object", async () => {
    expectError(
      await call(emulator, "GET", "/v1/service-accounts/sa_missing/api-keys"),
      404,
      "not_found",
      "not_found",
      /sa_missing/,
    );
    const create = await call(emulator, "POST", "/v1/service-accounts/sa_missing/api-keys", {
      body: { name: "k", permissions: "all" },
    });
    expectError(create, 404, "not_found", "not_found", /sa_missing/);
  });
});

describe("PATCH a key", () => {
  async function keyWithEverything() {
    const saId = await createAccount(emulator);
    const { keyId } = await createKey(emulator, saId, {
      name: "orig",
      permissions: ["text_to_speech"],
      character_limit: 500,
      allowed_ips: ["10.0.0.0/8"],
      third_party_disable_allowed: true,
      dubbing_concurrency_limit: 3,
    });
    return { saId, keyId, path: keyPath(saId, keyId), before: await getKey(emulator, saId, keyId) };
  }

  it('answers 200 {"status":"ok"}', async () => {
    const { path } = await keyWithEverything();
    const reply = await call(emulator, "PATCH", path, { body: { name: "renamed" } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: "ok" });
  });

  it("the old full-body style (is_enabled, name, permissions, character_limit int|null)", async () => {
    const { saId, keyId, path, before } = await keyWithEverything();
    const reply = await call(emulator, "PATCH", path, {
      body: { is_enabled: false, name: "full", permissions: ["dubbing_read"], character_limit: null },
    });
    expect(reply.body).toEqual({ status: "ok" });
    expect(await getKey(emulator, saId, keyId)).toEqual({
      ...before,
      is_disabled: true,
      name: "full",
      permissions: ["dubbing_read"],
      character_limit: null,
    });
  });

  it('{} , no body at all, and every field as "no_update" change nothing', async () => {
    const { saId, keyId, path, before } = await keyWithEverything();
    expect((await call(emulator, "PATCH", path, { body: {} })).body).toEqual({ status: "ok" });
    expect((await call(emulator, "PATCH", path)).body).toEqual({ status: "ok" });
    const noUpdate = Object.fromEntries(
      [
        "is_enabled",
        "permissions",
        "character_limit",
        "allowed_ips",
        "third_party_disable_allowed",
        "tts_concurrency_limit",
        "dubbing_concurrency_limit",
        "music_concurrency_limit",
      ].map((f) => [f, "no_update"]),
    );
    expect((await call(emulator, "PATCH", path, { body: { ...noUpdate, name: null } })).body).toEqual({
      status: "ok",
    });
    expect(await getKey(emulator, saId, keyId)).toEqual(before);
  });

  it("one field at a time leaves the others alone", async () => {
    const { saId, keyId, path, before } = await keyWithEverything();
    await call(emulator, "PATCH", path, { body: { character_limit: 900 } });
    expect(await getKey(emulator, saId, keyId)).toEqual({ ...before, character_limit: 900 });
    await call(emulator, "PATCH", path, { body: { permissions: "all" } });
    expect(await getKey(emulator, saId, keyId)).toEqual({
      ...before,
      character_limit: 900,
      permissions: null,
    });
    await call(emulator, "PATCH", path, { body: { permissions: [] } });
    expect((await getKey(emulator, saId, keyId)).permissions).toEqual([]);
  });

  it('"clear" removes the cap, the allowlist, the third-party setting and a concurrency limit', async () => {
    const { saId, keyId, path, before } = await keyWithEverything();
    const reply = await call(emulator, "PATCH", path, {
      body: {
        character_limit: "clear",
        allowed_ips: "clear",
        third_party_disable_allowed: "clear",
        dubbing_concurrency_limit: "clear",
      },
    });
    expect(reply.body).toEqual({ status: "ok" });
    const { platform_limits: _gone, ...rest } = before;
    expect(_gone).toEqual({ dubbing_concurrency: { limit: 3 } });
    expect(await getKey(emulator, saId, keyId)).toEqual({
      ...rest,
      character_limit: null,
      allowed_ips: null,
      third_party_disable_allowed: null,
    });
  });

  it('character_limit null is treated like "clear"', async () => {
    const { saId, keyId, path } = await keyWithEverything();
    await call(emulator, "PATCH", path, { body: { character_limit: null } });
    expect((await getKey(emulator, saId, keyId)).character_limit).toBeNull();
  });

  it("an allowed_ips array replaces the whole allowlist, normalised", async () => {
    const { saId, keyId, path } = await keyWithEverything();
    await call(emulator, "PATCH", path, { body: { allowed_ips: ["192.168.7.9/16", "2001:db8::1"] } });
    expect((await getKey(emulator, saId, keyId)).allowed_ips).toEqual(["192.168.0.0/16", "2001:db8::1/128"]);
  });

  it("is_enabled false shows is_disabled true; true enables it again", async () => {
    const { saId, keyId, path } = await keyWithEverything();
    await call(emulator, "PATCH", path, { body: { is_enabled: false } });
    expect((await getKey(emulator, saId, keyId)).is_disabled).toBe(true);
    await call(emulator, "PATCH", path, { body: { is_enabled: true } });
    expect((await getKey(emulator, saId, keyId)).is_disabled).toBe(false);
  });

  it("a body that fails validation changes nothing, not even its valid fields", async () => {
    const { saId, keyId, path, before } = await keyWithEverything();
    const reply = await call(emulator, "PATCH", path, { body: { name: "half", character_limit: "lots" } });
    expect(reply.status).toBe(422);
    expect(await getKey(emulator, saId, keyId)).toEqual(before);
  });

  it("unknown service account or key: 404 not_found", async () => {
    const { saId } = await keyWithEverything();
    expectError(
      await call(emulator, "PATCH", keyPath("sa_missing", "k"), { body: {} }),
      404,
      "not_found",
      "not_found",
      /sa_missing/,
    );
    expectError(
      await call(emulator, "PATCH", keyPath(saId, "k_missing"), { body: {} }),
      404,
      "not_found",
      "not_found",
      /k_missing/,
    );
  });

  it("a key is only found under its own service account", async () => {
    const { keyId } = await keyWithEverything();
    const other = await createAccount(emulator, "other");
    expectError(
      await call(emulator, "PATCH", keyPath(other, keyId), { body: {} }),
      404,
      "not_found",
      "not_found",
    );
  });
});

describe("DELETE a key", () => {
  it('answers 200 {"status":"ok"} and the key is gone for good', async () => {
    const saId = await createAccount(emulator);
    const keep = await createKey(emulator, saId, { name: "keep" });
    const drop = await createKey(emulator, saId, { name: "drop" });
    const reply = await call(emulator, "DELETE", keyPath(saId, drop.keyId));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: "ok" });
    expect((await listKeys(emulator, saId)).map((k) => k.key_id)).toEqual([keep.keyId]);
    expectError(await call(emulator, "DELETE", keyPath(saId, drop.keyId)), 404, "not_found", "not_found");
    expectError(
      await call(emulator, "PATCH", keyPath(saId, drop.keyId), { body: {} }),
      404,
      "not_found",
      "not_found",
    );
  });

  it("unknown service account: 404 not_found", async () => {
    expectError(await call(emulator, "DELETE", keyPath("sa_missing", "k")), 404, "not_found", "not_found");
  });
});
