// The ordinary endpoints a key is used for, and DocSpace's auth rules on them: Bearer only; an
// unknown or deleted secret, an expired or a deactivated key are 401s (the last two say so); the
// scope of the path's area, or a 403 naming the scope needed; then the endpoint itself.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DocspaceEmulator } from "./server";
import { call, createKey, expectError, KEYS, manualClock, start } from "./testing";

const clock = manualClock();
let emulator: DocspaceEmulator;
beforeAll(async () => {
  emulator = await start({ now: clock.now });
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const ME = "/api/2.0/people/@self";
const MY = "/api/2.0/files/@my";
const ROOMS = "/api/2.0/files/rooms";

describe("the ordinary endpoints", () => {
  it("answer in the success envelope, for the admin and for an unrestricted key", async () => {
    const { key, createBy } = await createKey(emulator);
    for (const token of [undefined, key]) {
      const me = await call(emulator, "GET", ME, { token });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ status: 0, statusCode: 200, response: createBy });
      const my = await call(emulator, "GET", MY, { token });
      expect(my.body.response).toMatchObject({ current: { title: "My documents" }, total: 0 });
    }
    const made = await call(emulator, "POST", ROOMS, { token: key, body: { title: "Contracts" } });
    expect(made.status).toBe(200);
    expect(made.body.response).toMatchObject({ id: 100, title: "Contracts", roomType: 2 });
    const rooms = await call(emulator, "GET", ROOMS, { token: key });
    expect(rooms.body.response.folders).toEqual([made.body.response]);
  });

  it("a new room needs a title and a known room type (400 naming it)", async () => {
    expectError(
      await call(emulator, "POST", ROOMS, { body: { title: " " } }),
      400,
      "Title is not valid. It must be 1 to 170 characters and not blank.",
    );
    expectError(
      await call(emulator, "POST", ROOMS, { body: { title: "A", roomType: 3 } }),
      400,
      "RoomType is not valid.",
    );
    expectError(await call(emulator, "POST", ROOMS, { body: "[" }), 400);
  });

  it("a path of no route is a 404 before authentication; a wrong method a 405 after it", async () => {
    expectError(await call(emulator, "GET", "/api/2.0/files/@nope", { token: null }), 404, "Not found.");
    expectError(await call(emulator, "DELETE", ROOMS, { token: null }), 401);
    const reply = await call(emulator, "DELETE", ROOMS);
    expect(reply.status).toBe(405);
    expect(reply.headers.get("allow")).toBe("GET, POST");
  });
});

describe("the auth ladder on them", () => {
  it("no Bearer, or an unknown or deleted secret: 401 Unauthorized.", async () => {
    const { id, key } = await createKey(emulator);
    expectError(await call(emulator, "GET", MY, { token: null }), 401, "Unauthorized.");
    expectError(await call(emulator, "GET", MY, { token: null, headers: { authorization: key } }), 401);
    await call(emulator, "DELETE", `${KEYS}/${id}`);
    expectError(await call(emulator, "GET", MY, { token: key }), 401, "Unauthorized.");
  });

  it("a deactivated key is told so, and works again once reactivated", async () => {
    const { id, key } = await createKey(emulator);
    await call(emulator, "PUT", `${KEYS}/${id}`, { body: { isActive: false } });
    expectError(await call(emulator, "GET", MY, { token: key }), 401, "The API key is deactivated.");
    await call(emulator, "PUT", `${KEYS}/${id}`, { body: { isActive: true } });
    expect((await call(emulator, "GET", MY, { token: key })).status).toBe(200);
  });

  it("an expired key is told so (even when also deactivated)", async () => {
    const { id, key } = await createKey(emulator, { expiresInDays: 1 });
    await call(emulator, "PUT", `${KEYS}/${id}`, { body: { isActive: false } });
    clock.advance(86_400_000);
    expectError(await call(emulator, "GET", MY, { token: key }), 401, "The API key has expired.");
  });

  it("moves lastUsed when the key authenticates", async () => {
    const { id, key } = await createKey(emulator);
    clock.advance(5_000);
    await call(emulator, "GET", ME, { token: key });
    const listed = (await call(emulator, "GET", KEYS)).body.response.find((k: { id: string }) => k.id === id);
    expect(listed.lastUsed).toBe(new Date(clock.now()).toISOString());
  });

  it.each([
    // [the key's scopes, method, path, the scope a 403 names (null: allowed)]
    [["files:read"], "GET", MY, null],
    [["files:read"], "GET", ROOMS, "rooms:read"],
    [["rooms:read"], "GET", ROOMS, null],
    [["rooms:read"], "POST", ROOMS, "rooms:write"],
    [["rooms:write"], "GET", ROOMS, null],
    [["rooms:write"], "GET", MY, "files:read"],
    [["*:read"], "GET", ROOMS, null],
    [["*:read"], "POST", ROOMS, "rooms:write"],
    [["*:write"], "POST", ROOMS, null],
    [["accounts.self:read"], "GET", ME, null],
    [["accounts:read"], "GET", ME, null],
    [["files:write"], "GET", ME, "accounts.self:read"],
  ])("scopes %j: %s %s → %s", async (permissions, method, path, missing) => {
    const { key } = await createKey(emulator, { permissions });
    const body = method === "POST" ? { title: "Room" } : undefined;
    const reply = await call(emulator, method, path, { token: key, body });
    if (missing === null) expect(reply.status).toBe(200);
    else expectError(reply, 403, `The API key is missing the scope ${missing} required for this request.`);
  });

  it("the key endpoints keep their own 403 for a resource scope", async () => {
    const { key } = await createKey(emulator, { permissions: ["files:read"] });
    expectError(
      await call(emulator, "GET", KEYS, { token: key }),
      403,
      "The API key's permissions do not allow this request.",
    );
  });
});
