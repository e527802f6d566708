// Every key endpoint as the contract has it (list, @self, the scope catalogue, create, update,
// delete): the envelope, the key object's fields, and what each changes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DocspaceEmulator } from "./server";
import { call, createKey, expectError, KEYS, listKeys, manualClock, start } from "./testing";

const clock = manualClock();
let emulator: DocspaceEmulator;
beforeAll(async () => {
  emulator = await start({ now: clock.now });
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const DAY = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const KEY_FIELDS = [
  "id",
  "name",
  "keyPostfix",
  "permissions",
  "lastUsed",
  "createOn",
  "createBy",
  "expiresAt",
  "isActive",
];

describe("the envelope", () => {
  it("wraps a list with count = its length, a link to the request, status 0 and statusCode 200", async () => {
    await createKey(emulator, { name: "a" });
    await createKey(emulator, { name: "b" });
    const reply = await call(emulator, "GET", `${KEYS}?x=1`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(Object.keys(reply.body)).toEqual(["response", "count", "links", "status", "statusCode"]);
    expect(reply.body).toMatchObject({
      count: 2,
      links: [{ href: `${emulator.url}${KEYS}?x=1`, action: "GET" }],
      status: 0,
      statusCode: 200,
    });
  });

  it("counts a single object or a boolean as 1", async () => {
    const { id } = await createKey(emulator);
    const reply = await call(emulator, "PUT", `${KEYS}/${id}`, { body: {} });
    expect(reply.body).toMatchObject({ response: true, count: 1, statusCode: 200 });
  });
});

describe("POST /api/2.0/keys", () => {
  it("answers 200 with the key and its secret, the only time the secret is sent", async () => {
    const reply = await call(emulator, "POST", KEYS, {
      body: { name: "Files sync", permissions: ["files:read", "files:write"], expiresInDays: 30 },
    });
    expect(reply.status).toBe(200);
    const key = reply.body.response;
    expect(Object.keys(key)).toEqual(["id", "name", "key", ...KEY_FIELDS.slice(2)]);
    expect(key.id).toMatch(UUID);
    expect(key.key).toMatch(/^sk-[0-9a-f]{48}$/);
    expect(key).toMatchObject({
      name: "Files sync",
      keyPostfix: key.key.slice(-4),
      permissions: ["files:read", "files:write"],
      lastUsed: null,
      createOn: new Date(clock.now()).toISOString(),
      expiresAt: new Date(clock.now() + 30 * DAY).toISOString(),
      isActive: true,
      createBy: { id: expect.stringMatching(UUID), displayName: "Dana Whitfield" },
    });
    const [listed] = await listKeys(emulator);
    expect(Object.keys(listed!)).toEqual(KEY_FIELDS);
    expect(JSON.stringify(await call(emulator, "GET", KEYS))).not.toContain(key.key);
  });

  it("makes a key that never expires and is unrestricted when both are left out or null", async () => {
    for (const body of [{ name: "n" }, { name: "n", permissions: null, expiresInDays: null }]) {
      const key = await createKey(emulator, body);
      expect(key).toMatchObject({ permissions: [], expiresAt: null });
    }
  });

  it('reads a list with "*" back as unrestricted ([]), drops duplicates and keeps the order', async () => {
    expect((await createKey(emulator, { permissions: ["files:read", "*"] })).permissions).toEqual([]);
    expect(
      (await createKey(emulator, { permissions: ["rooms:read", "files:read", "rooms:read"] })).permissions,
    ).toEqual(["rooms:read", "files:read"]);
  });

  it("stores the name as sent and makes a new id and secret each time (names need not be unique)", async () => {
    const a = await createKey(emulator, { name: "  same  " });
    const b = await createKey(emulator, { name: "  same  " });
    expect(a.name).toBe("  same  ");
    expect(a.id).not.toBe(b.id);
    expect(a.key).not.toBe(b.key);
  });
});

describe("GET /api/2.0/keys", () => {
  it("lists every key oldest first, deactivated and expired ones included", async () => {
    const first = await createKey(emulator, { name: "first", expiresInDays: 1 });
    clock.advance(1000);
    const second = await createKey(emulator, { name: "second" });
    await call(emulator, "PUT", `${KEYS}/${second.id}`, { body: { isActive: false } });
    clock.advance(2 * DAY);
    const listed = await listKeys(emulator);
    expect(listed.map((k) => [k.name, k.isActive])).toEqual([
      ["first", true],
      ["second", false],
    ]);
    expect(listed[0]!.id).toBe(first.id);
  });
});

describe("GET /api/2.0/keys/permissions", () => {
  it("lists the 11 scopes in order", async () => {
    const reply = await call(emulator, "GET", `${KEYS}/permissions`);
    expect(reply.body.response).toEqual([
      "*",
      "*:read",
      "*:write",
      "accounts.self:read",
      "accounts.self:write",
      "accounts:read",
      "accounts:write",
      "files:read",
      "files:write",
      "rooms:read",
      "rooms:write",
    ]);
    expect(reply.body.count).toBe(11);
  });
});

describe("GET /api/2.0/keys/@self", () => {
  it("answers the calling key (its lastUsed being this call), without the secret", async () => {
    const created = await createKey(emulator, { permissions: ["files:read"] });
    clock.advance(5000);
    const reply = await call(emulator, "GET", `${KEYS}/@self`, { token: created.key });
    expect(reply.status).toBe(200);
    expect(reply.body.response).toMatchObject({
      id: created.id,
      lastUsed: new Date(clock.now()).toISOString(),
    });
    expect(reply.body.response).not.toHaveProperty("key");
  });

  it("is a 404 for the admin credential, which is not an API key", async () => {
    expectError(await call(emulator, "GET", `${KEYS}/@self`), 404, "The API key was not found.");
  });
});

describe("PUT /api/2.0/keys/{keyId}", () => {
  it("changes only the fields sent and answers true", async () => {
    const { id } = await createKey(emulator, {
      name: "before",
      permissions: ["files:read"],
      expiresInDays: 10,
    });
    const [before] = await listKeys(emulator);
    const reply = await call(emulator, "PUT", `${KEYS}/${id}`, { body: { name: "after" } });
    expect(reply.body.response).toBe(true);
    expect((await listKeys(emulator))[0]).toEqual({ ...before, name: "after" });
    await call(emulator, "PUT", `${KEYS}/${id}`, { body: { permissions: ["rooms:write"], isActive: false } });
    expect((await listKeys(emulator))[0]).toEqual({
      ...before,
      name: "after",
      permissions: ["rooms:write"],
      isActive: false,
    });
  });

  it('null keeps a value; ["*"] makes the key unrestricted; {} is valid and changes nothing', async () => {
    const { id } = await createKey(emulator, { name: "k", permissions: ["files:read"] });
    const [before] = await listKeys(emulator);
    await call(emulator, "PUT", `${KEYS}/${id}`, { body: { name: null, permissions: null, isActive: null } });
    await call(emulator, "PUT", `${KEYS}/${id}`, { body: {} });
    expect((await listKeys(emulator))[0]).toEqual(before);
    await call(emulator, "PUT", `${KEYS}/${id}`, { body: { permissions: ["*"] } });
    expect((await listKeys(emulator))[0]!.permissions).toEqual([]);
  });

  it("never changes the expiry: expiresInDays and other fields are ignored", async () => {
    const { id } = await createKey(emulator, { expiresInDays: 10 });
    const [before] = await listKeys(emulator);
    const reply = await call(emulator, "PUT", `${KEYS}/${id}`, {
      body: { expiresInDays: 365, expiresAt: null, keyPostfix: "zzzz", createOn: "2020-01-01T00:00:00.000Z" },
    });
    expect(reply.body.response).toBe(true);
    expect((await listKeys(emulator))[0]).toEqual(before);
  });

  it("answers 200 false for an expired key and changes nothing (deactivating it included)", async () => {
    const { id } = await createKey(emulator, { name: "short", expiresInDays: 1 });
    clock.advance(DAY);
    const [before] = await listKeys(emulator);
    const reply = await call(emulator, "PUT", `${KEYS}/${id}`, {
      body: { name: "renamed", isActive: false },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ response: false, count: 1, status: 0, statusCode: 200 });
    expect((await listKeys(emulator))[0]).toEqual(before);
  });

  it("accepts the id in upper case (a UUID)", async () => {
    const { id } = await createKey(emulator);
    const reply = await call(emulator, "PUT", `${KEYS}/${id.toUpperCase()}`, { body: { name: "upper" } });
    expect(reply.body.response).toBe(true);
  });

  it.each([
    ["unknown", "00000000-0000-4000-8000-000000000000"],
    ["not a UUID", "abc"],
    ["@self", "@self"],
  ])("is a 404 for an %s id", async (_label, id) => {
    expectError(
      await call(emulator, "PUT", `${KEYS}/${id}`, { body: { name: "x" } }),
      404,
      "The API key was not found.",
    );
  });
});

describe("DELETE /api/2.0/keys/{keyId}", () => {
  it("removes the key for good (answering true); its secret stops working at once; a second delete is 404", async () => {
    const { id, key } = await createKey(emulator);
    expect((await call(emulator, "GET", `${KEYS}/@self`, { token: key })).status).toBe(200);
    const reply = await call(emulator, "DELETE", `${KEYS}/${id}`);
    expect(reply.body).toMatchObject({ response: true, count: 1, statusCode: 200 });
    expect(await listKeys(emulator)).toEqual([]);
    expectError(await call(emulator, "GET", `${KEYS}/@self`, { token: key }), 401);
    expectError(await call(emulator, "DELETE", `${KEYS}/${id}`), 404, "The API key was not found.");
  });

  it("deletes an expired key too", async () => {
    const { id } = await createKey(emulator, { expiresInDays: 1 });
    clock.advance(2 * DAY);
    expect((await call(emulator, "DELETE", `${KEYS}/${id}`)).body.response).toBe(true);
  });
});
