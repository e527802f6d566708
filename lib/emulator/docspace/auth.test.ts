// Who may call: the Bearer scheme only, the admin credential, API-key secrets that work until
// deactivated, expired or deleted (and again once reactivated), and the scope rule for the key
// endpoints.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DocspaceEmulator } from "./server";
import { ADMIN_TOKEN, call, createKey, expectError, KEYS, listKeys, manualClock, start } from "./testing";

const clock = manualClock();
let emulator: DocspaceEmulator;
beforeAll(async () => {
  emulator = await start({ now: clock.now });
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const DAY = 86_400_000;

describe("the admin credential", () => {
  it.each([
    ["no Authorization", {}],
    ["the bare token (the samples' form)", { authorization: ADMIN_TOKEN }],
    ["another scheme", { authorization: `Basic ${ADMIN_TOKEN}` }],
    ["an unknown token", { authorization: "Bearer nope" }],
    ["an empty Bearer", { authorization: "Bearer " }],
  ])("%s is a 401", async (_label, headers) => {
    expectError(await call(emulator, "GET", KEYS, { token: null, headers }), 401, "Unauthorized.");
  });

  it("Bearer in any case of the scheme is accepted (auth schemes are case-insensitive)", async () => {
    const reply = await call(emulator, "GET", KEYS, {
      token: null,
      headers: { authorization: `bearer ${ADMIN_TOKEN}` },
    });
    expect(reply.status).toBe(200);
  });

  it("is never listed, and the keys it creates are its member's", async () => {
    const key = await createKey(emulator);
    expect(await listKeys(emulator)).toHaveLength(1);
    expect(key.createBy).toMatchObject({ displayName: "Dana Whitfield" });
  });
});

describe("an API key's secret", () => {
  it("authenticates until deactivated, and again once reactivated", async () => {
    const { id, key } = await createKey(emulator);
    expect((await call(emulator, "GET", KEYS, { token: key })).status).toBe(200);
    await call(emulator, "PUT", `${KEYS}/${id}`, { body: { isActive: false } });
    expectError(await call(emulator, "GET", `${KEYS}/@self`, { token: key }), 401);
    await call(emulator, "PUT", `${KEYS}/${id}`, { body: { isActive: true } });
    expect((await call(emulator, "GET", `${KEYS}/@self`, { token: key })).status).toBe(200);
  });

  it("stops at its expiry (expiresAt <= now)", async () => {
    const { key } = await createKey(emulator, { expiresInDays: 1 });
    clock.advance(DAY - 1);
    expect((await call(emulator, "GET", `${KEYS}/@self`, { token: key })).status).toBe(200);
    clock.advance(1);
    expectError(await call(emulator, "GET", `${KEYS}/@self`, { token: key }), 401);
  });

  it("moves lastUsed whenever it authenticates, and only then", async () => {
    const { id, key } = await createKey(emulator);
    expect((await listKeys(emulator))[0]!.lastUsed).toBeNull();
    clock.advance(60_000);
    await call(emulator, "GET", KEYS, { token: key });
    const used = new Date(clock.now()).toISOString();
    clock.advance(60_000);
    const listed = await listKeys(emulator); // the admin's call does not touch it
    expect(listed.find((k) => k.id === id)!.lastUsed).toBe(used);
  });

  it("a key made by a key is its creator's", async () => {
    const { key } = await createKey(emulator, { permissions: ["*:write"] });
    const made = await call(emulator, "POST", KEYS, { token: key, body: { name: "child" } });
    expect(made.body.response.createBy).toMatchObject({ displayName: "Dana Whitfield" });
  });

  it("stops working after a reset", async () => {
    const { key } = await createKey(emulator);
    emulator.reset("empty");
    expectError(await call(emulator, "GET", `${KEYS}/@self`, { token: key }), 401);
  });
});

describe("scopes on the key endpoints", () => {
  const cases: [string, boolean, boolean, string[] | undefined][] = [
    // label, may read, may write, permissions
    ["unrestricted", true, true, undefined],
    ['["*"]', true, true, ["*"]],
    ["*:write", true, true, ["*:write"]],
    ["*:read", true, false, ["*:read"]],
    ["files:read, files:write", false, false, ["files:read", "files:write"]],
    ["accounts.self:write", false, false, ["accounts.self:write"]],
  ];
  it.each(cases)("a %s key: may read %s, may write %s", async (_label, mayRead, mayWrite, permissions) => {
    const { key } = await createKey(emulator, permissions ? { permissions } : {});
    const { id: other } = await createKey(emulator, { name: "other" });
    const read = [
      await call(emulator, "GET", KEYS, { token: key }),
      await call(emulator, "GET", `${KEYS}/permissions`, { token: key }),
    ];
    for (const reply of read) {
      if (mayRead) expect(reply.status).toBe(200);
      else expectError(reply, 403, "The API key's permissions do not allow this request.");
    }
    const writes = [
      await call(emulator, "PUT", `${KEYS}/${other}`, { token: key, body: { name: "renamed" } }),
      await call(emulator, "POST", KEYS, { token: key, body: { name: "made" } }),
      await call(emulator, "DELETE", `${KEYS}/${other}`, { token: key }),
    ];
    for (const reply of writes) {
      if (mayWrite) expect(reply.status).toBe(200);
      else expectError(reply, 403);
    }
    // @self works with any live key.
    expect((await call(emulator, "GET", `${KEYS}/@self`, { token: key })).status).toBe(200);
  });
});
