// API.md §5 (FastAPI 422 shape) and §8/§9 (what is rejected, with which type and loc): create
// service account, create key, update key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import {
  call,
  createAccount,
  createKey,
  expect422,
  getKey,
  listKeys,
  start,
} from "@/tests/support/emulator-calls";

let emulator: Emulator;
let saId: string;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(async () => {
  emulator.reset("empty");
  saId = await createAccount(emulator);
});
afterAll(() => emulator.close());

const createKeyWith = (body: unknown) =>
  call(emulator, "POST", `/v1/service-accounts/${saId}/api-keys`, { body });

describe("create key: required fields and types", () => {
  it("{} reports both missing fields, in the observed shape", async () => {
    const reply = await createKeyWith({});
    expect(reply.body).toEqual({
      detail: [
        { type: "missing", loc: ["body", "name"], msg: "Field required", input: null },
        { type: "missing", loc: ["body", "permissions"], msg: "Field required", input: null },
      ],
    });
    expect(reply.status).toBe(422);
    expect(await listKeys(emulator, saId)).toEqual([]);
  });

  it('no body at all is one missing error at loc ["body"]', async () => {
    const reply = await call(emulator, "POST", `/v1/service-accounts/${saId}/api-keys`);
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({
      detail: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }],
    });
  });

  it("a body that is not an object is model_attributes_type", async () => {
    expect422(await createKeyWith(["name"]), [
      {
        type: "model_attributes_type",
        loc: ["body"],
        msg: "Input should be a valid dictionary or object to extract fields from",
      },
    ]);
  });

  it("wrong types: name, character_limit, third_party_disable_allowed, allowed_ips", async () => {
    const reply = await createKeyWith({
      name: 42,
      permissions: "all",
      character_limit: "lots",
      allowed_ips: "10.0.0.1",
      third_party_disable_allowed: "perhaps",
    });
    expect422(reply, [
      { type: "string_type", loc: ["body", "name"], msg: "Input should be a valid string" },
      {
        type: "int_parsing",
        loc: ["body", "character_limit"],
        msg: "Input should be a valid integer, unable to parse string as an integer",
      },
      { type: "list_type", loc: ["body", "allowed_ips"], msg: "Input should be a valid list" },
      {
        type: "bool_parsing",
        loc: ["body", "third_party_disable_allowed"],
        msg: "Input should be a valid boolean, unable to interpret input",
      },
    ]);
    expect(reply.body.detail[0].input).toBe(42);
  });

  it("a fractional character_limit is int_from_float; a numeric string passes (pydantic lax mode)", async () => {
    expect422(await createKeyWith({ name: "k", permissions: "all", character_limit: 1.5 }), [
      {
        type: "int_from_float",
        loc: ["body", "character_limit"],
        msg: "Input should be a valid integer, got a number with a fractional part",
      },
    ]);
    const ok = await createKeyWith({ name: "k", permissions: "all", character_limit: "1200" });
    expect(ok.status).toBe(200);
    expect((await getKey(emulator, saId, ok.body.key_id)).character_limit).toBe(1200);
  });

  it("extra fields are ignored", async () => {
    const reply = await createKeyWith({
      name: "k",
      permissions: "all",
      colour: "blue",
      hint: "abcd",
      key_id: "mine",
    });
    expect(reply.status).toBe(200);
    expect(reply.body.key_id).not.toBe("mine");
    const key = await getKey(emulator, saId, reply.body.key_id);
    expect(key).not.toHaveProperty("colour");
    expect(key.hint).toBe(reply.body["xi-api-key"].slice(-4));
  });
});

describe("permissions", () => {
  it("an unknown permission is an enum error at its index", async () => {
    const reply = await createKeyWith({
      name: "k",
      permissions: ["text_to_speech", "voices_read", "teleport"],
    });
    expect422(reply, [
      {
        type: "enum",
        loc: ["body", "permissions", 2],
        msg: /^Input should be 'text_to_speech', 'speech_to_speech', .* or 'voice_collections_write'$/,
      },
    ]);
    expect(reply.body.detail[0].input).toBe("teleport");
  });

  it('a string other than "all" is a literal_error', async () => {
    expect422(await createKeyWith({ name: "k", permissions: "everything" }), [
      { type: "literal_error", loc: ["body", "permissions"], msg: "Input should be 'all'" },
    ]);
  });

  it("a group permission (service_accounts_manage) is not a key permission", async () => {
    expect422(await createKeyWith({ name: "k", permissions: ["service_accounts_manage"] }), [
      { type: "enum", loc: ["body", "permissions", 0] },
    ]);
  });

  it("all 51 SDK 2.73 permissions are accepted, voice_collections_* included", async () => {
    const { PERMISSION_TYPES } = await import("./permissions");
    expect(PERMISSION_TYPES).toHaveLength(51);
    const { keyId } = await createKey(emulator, saId, { permissions: [...PERMISSION_TYPES] });
    expect((await getKey(emulator, saId, keyId)).permissions).toEqual([...PERMISSION_TYPES]);
  });
});

describe("allowed_ips", () => {
  it("bare IPs become /32 and /128, host bits are masked, IPv6 is compressed", async () => {
    const { keyId } = await createKey(emulator, saId, {
      allowed_ips: [
        "10.0.0.7/24",
        "192.168.1.1",
        "2001:DB8:0:0:0:0:0:1",
        "2001:db8:abcd:12::/48",
        "0.0.0.0/0",
      ],
    });
    expect((await getKey(emulator, saId, keyId)).allowed_ips).toEqual([
      "10.0.0.0/24",
      "192.168.1.1/32",
      "2001:db8::1/128",
      "2001:db8:abcd::/48",
      "0.0.0.0/0",
    ]);
  });

  // Python's ip_network takes these, so ElevenLabs does (DECISIONS.md): zero-padded prefixes, an IPv4
  // netmask or hostmask, scope ids; an IPv4-mapped address prints as Python 3.13 prints it.
  it("takes every spelling Python's ip_network takes, and saves it as Python prints it", async () => {
    const { keyId } = await createKey(emulator, saId, {
      allowed_ips: ["10.0.0.7/024", "10.0.0.7/255.255.255.0", "10.1.2.3/0.255.255.255", "2001:db8::1/064"],
    });
    expect((await getKey(emulator, saId, keyId)).allowed_ips).toEqual([
      "10.0.0.0/24",
      "10.0.0.0/24",
      "10.0.0.0/8",
      "2001:db8::/64",
    ]);
    const more = await createKey(emulator, saId, {
      allowed_ips: ["fe80::1%eth0", "fe80::1%eth0/64", "::ffff:1.2.3.4", "::ffff:0:0/96"],
    });
    expect((await getKey(emulator, saId, more.keyId)).allowed_ips).toEqual([
      "fe80::1%eth0/128",
      "fe80::/64",
      "::ffff:1.2.3.4/128",
      "::ffff:0.0.0.0/96",
    ]);
  });

  it('refuses an IPv4 address standing before a "::", as Python does', async () => {
    const reply = await createKeyWith({
      name: "k",
      permissions: "all",
      allowed_ips: ["1.2.3.4::", "1.2.3.4::5"],
    });
    expect422(reply, [
      { type: "value_error", loc: ["body", "allowed_ips", 0] },
      { type: "value_error", loc: ["body", "allowed_ips", 1] },
    ]);
  });

  it("an invalid entry is a 422 naming its index", async () => {
    const reply = await createKeyWith({
      name: "k",
      permissions: "all",
      allowed_ips: ["10.0.0.1", "2001:db8::1", "10.0.0.256"],
    });
    expect422(reply, [{ type: "value_error", loc: ["body", "allowed_ips", 2], msg: /10\.0\.0\.256/ }]);
  });

  it("every bad entry is reported: not an IP, a prefix too long, not a string", async () => {
    const reply = await createKeyWith({
      name: "k",
      permissions: "all",
      allowed_ips: ["example.com", "10.0.0.0/33", 7, "10.0.0.1"],
    });
    expect422(reply, [
      { type: "value_error", loc: ["body", "allowed_ips", 0] },
      { type: "value_error", loc: ["body", "allowed_ips", 1] },
      { type: "string_type", loc: ["body", "allowed_ips", 2], msg: "Input should be a valid string" },
    ]);
  });

  it("an empty list is too_short", async () => {
    expect422(await createKeyWith({ name: "k", permissions: "all", allowed_ips: [] }), [
      {
        type: "too_short",
        loc: ["body", "allowed_ips"],
        msg: "List should have at least 1 item after validation, not 0",
      },
    ]);
  });

  it("100 entries are fine, 101 are too_long", async () => {
    const ips = (n: number) => Array.from({ length: n }, (_, i) => `10.0.${i}.1`);
    const { keyId } = await createKey(emulator, saId, { allowed_ips: ips(100) });
    expect((await getKey(emulator, saId, keyId)).allowed_ips).toHaveLength(100);
    expect422(await createKeyWith({ name: "k", permissions: "all", allowed_ips: ips(101) }), [
      {
        type: "too_long",
        loc: ["body", "allowed_ips"],
        msg: "List should have at most 100 items after validation, not 101",
      },
    ]);
  });
});

describe("update key", () => {
  let keyPath: string;
  beforeEach(async () => {
    const { keyId } = await createKey(emulator, saId, { allowed_ips: ["10.0.0.0/8"] });
    keyPath = `/v1/service-accounts/${saId}/api-keys/${keyId}`;
  });
  const patch = (body: unknown) => call(emulator, "PATCH", keyPath, { body });

  it('allowed_ips null is not accepted (only an array, "clear" or "no_update")', async () => {
    expect422(await patch({ allowed_ips: null }), [{ type: "list_type", loc: ["body", "allowed_ips"] }]);
  });

  it("allowed_ips [] and a bad entry are rejected like on create", async () => {
    expect422(await patch({ allowed_ips: [] }), [{ type: "too_short", loc: ["body", "allowed_ips"] }]);
    expect422(await patch({ allowed_ips: ["10.0.0.1", "x"] }), [
      { type: "value_error", loc: ["body", "allowed_ips", 1] },
    ]);
  });

  it("wrong types are reported together", async () => {
    expect422(
      await patch({
        is_enabled: "maybe",
        name: 7,
        permissions: ["nope"],
        character_limit: "lots",
        tts_concurrency_limit: "x",
      }),
      [
        { type: "bool_parsing", loc: ["body", "is_enabled"] },
        { type: "string_type", loc: ["body", "name"] },
        { type: "enum", loc: ["body", "permissions", 0] },
        { type: "int_parsing", loc: ["body", "character_limit"] },
        { type: "int_parsing", loc: ["body", "tts_concurrency_limit"] },
      ],
    );
  });

  it('"clear" is not a value for is_enabled or permissions', async () => {
    expect422(await patch({ is_enabled: "clear", permissions: "clear" }), [
      { type: "bool_parsing", loc: ["body", "is_enabled"] },
      { type: "literal_error", loc: ["body", "permissions"] },
    ]);
  });

  it("extra fields are ignored", async () => {
    const reply = await patch({ hint: "zzzz", is_disabled: true });
    expect(reply.status).toBe(200);
    const key = (await listKeys(emulator, saId))[0];
    expect(key.hint).not.toBe("zzzz");
    expect(key.is_disabled).toBe(false);
  });
});

describe("create service account", () => {
  const createSa = (body: unknown) => call(emulator, "POST", "/v1/service-accounts", { body });

  it("name is required and must be a string", async () => {
    expect422(await createSa({}), [{ type: "missing", loc: ["body", "name"], msg: "Field required" }]);
    expect422(await createSa({ name: null }), [{ type: "string_type", loc: ["body", "name"] }]);
  });

  it("default_sharing_groups entries are checked field by field", async () => {
    expect422(
      await createSa({
        name: "x",
        default_sharing_groups: [{ group_id: "g1" }, { group_id: "g2", permission_level: "owner" }, 5],
      }),
      [
        { type: "missing", loc: ["body", "default_sharing_groups", 0, "permission_level"] },
        {
          type: "literal_error",
          loc: ["body", "default_sharing_groups", 1, "permission_level"],
          msg: "Input should be 'admin', 'editor' or 'viewer'",
        },
        { type: "model_attributes_type", loc: ["body", "default_sharing_groups", 2] },
      ],
    );
  });

  it("default_sharing_groups null or [] is fine", async () => {
    expect((await createSa({ name: "a", default_sharing_groups: null })).status).toBe(200);
    expect((await createSa({ name: "b", default_sharing_groups: [] })).status).toBe(200);
  });
});

describe("names with a NUL or a lone surrogate", () => {
  // pydantic's str takes any Python str, and Python's json reads "\u0000" and a lone "\ud800" escape:
  // ElevenLabs accepts such names on create and PATCH, and lists them back escaped the same way.
  it("are accepted on create and PATCH and listed back exactly", async () => {
    const created = await call(emulator, "POST", `/v1/service-accounts/${saId}/api-keys`, {
      body: '{"name":"a\\u0000b","permissions":"all"}',
    });
    expect(created.status).toBe(200);
    const keyId = (created.body as { key_id: string }).key_id;
    expect((await listKeys(emulator, saId)).map((k) => k.name)).toEqual(["a\u0000b"]);
    const patched = await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      body: '{"name":"x\\ud800y"}',
    });
    expect(patched.status).toBe(200);
    const listed = await call(emulator, "GET", `/v1/service-accounts/${saId}/api-keys`);
    expect(listed.text).toContain('"name":"x\\ud800y"');
    expect((await listKeys(emulator, saId)).map((k) => k.name)).toEqual(["x\ud800y"]);
  });
});
