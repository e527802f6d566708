// Routing as ASP.NET Core does it, and the order of checks: unknown route 404 before auth; 401;
// the key's scope 403; wrong method 405 with Allow; body 400; unknown key 404.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DocspaceEmulator } from "./server";
import { call, createKey, expectError, KEYS, start } from "./testing";

let emulator: DocspaceEmulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const SOME_UUID = "00000000-0000-4000-8000-000000000000";

describe("routes", () => {
  it.each([
    ["GET", "/"],
    ["GET", "/api/2.0"],
    ["GET", "/api/2.0/key"],
    ["GET", "/api/2.1/keys"],
    ["GET", `/api/2.0/keys/${SOME_UUID}/extra`],
    ["POST", "/api/2.0/keys/@self/x"],
  ])("%s %s is a 404 before authentication", async (method, path) => {
    for (const token of [undefined, null])
      expectError(await call(emulator, method, path, { token }), 404, "Not found.");
  });

  it.each([
    ["GET", `${KEYS}/${SOME_UUID}`, "PUT, DELETE"],
    ["POST", `${KEYS}/${SOME_UUID}`, "PUT, DELETE"],
    ["DELETE", KEYS, "GET, POST"],
    ["PUT", KEYS, "GET, POST"],
    ["POST", `${KEYS}/@self`, "GET, PUT, DELETE"],
    ["POST", `${KEYS}/permissions`, "GET, PUT, DELETE"],
    ["HEAD", KEYS, "GET, POST"],
  ])("%s %s is a 405 with Allow: %s (there is no GET of one key)", async (method, path, allow) => {
    const reply = await call(emulator, method, path);
    expect(reply.status).toBe(405);
    expect(reply.headers.get("allow")).toBe(allow);
    if (method !== "HEAD") expectError(reply, 405, "Method not allowed.");
  });

  it("a wrong method is a 401 without credentials, and a 403 for a key without the scope", async () => {
    expectError(await call(emulator, "GET", `${KEYS}/${SOME_UUID}`, { token: null }), 401);
    const { key } = await createKey(emulator, { permissions: ["files:read"] });
    expectError(await call(emulator, "DELETE", KEYS, { token: key }), 403);
  });

  it("matches path literals in any case and with a trailing slash", async () => {
    expect((await call(emulator, "GET", "/API/2.0/Keys")).status).toBe(200);
    expect((await call(emulator, "GET", `${KEYS}/`)).status).toBe(200);
    expect((await call(emulator, "GET", `${KEYS}/Permissions`)).body.count).toBe(11);
  });

  it("percent-encoded paths are matched decoded", async () => {
    const { id } = await createKey(emulator);
    expect((await call(emulator, "DELETE", `/api/2.0/keys/${id.replace(/-/g, "%2D")}`)).status).toBe(200);
  });

  it("every answer carries an x-request-id", async () => {
    const replies = [
      await call(emulator, "GET", KEYS),
      await call(emulator, "GET", "/nope"),
      await call(emulator, "GET", KEYS, { token: null }),
    ];
    const ids = replies.map((r) => r.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(3);
  });
});
