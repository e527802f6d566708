// Create and update bodies: every documented 400, one message for the first bad field, nothing
// created or changed by a refused request.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DocspaceEmulator } from "./server";
import { call, createKey, expectError, KEYS, listKeys, start } from "./testing";
import { MESSAGES } from "./validate";

let emulator: DocspaceEmulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const NAME = MESSAGES.name;
const PERMS = "Permissions are not valid.";
const DAYS = MESSAGES.expiresInDays;
const BODY = MESSAGES.body;

describe("create", () => {
  it.each([
    ["malformed JSON", '{"name": "x"', BODY],
    ["an array", [{ name: "x" }], BODY],
    ["a string", '"x"', BODY],
    ["null", "null", BODY],
    ["no name", {}, NAME],
    ["an empty name", { name: "" }, NAME],
    ["a blank name", { name: "   " }, NAME],
    ["a name of 31 characters", { name: "x".repeat(31) }, NAME],
    ["a number for the name", { name: 5 }, NAME],
    ["null for the name", { name: null }, NAME],
    ["[] for permissions", { name: "n", permissions: [] }, PERMS],
    ['an old SDK scope ("read")', { name: "n", permissions: ["read"] }, PERMS],
    ["a scope in the wrong case", { name: "n", permissions: ["Files:read"] }, PERMS],
    ["a non-string scope", { name: "n", permissions: ["files:read", 1] }, PERMS],
    ["a string for permissions", { name: "n", permissions: "files:read" }, PERMS],
    ["0 days", { name: "n", expiresInDays: 0 }, DAYS],
    ["366 days", { name: "n", expiresInDays: 366 }, DAYS],
    ["-1 days", { name: "n", expiresInDays: -1 }, DAYS],
    ["1.5 days", { name: "n", expiresInDays: 1.5 }, DAYS],
    ['"30" days', { name: "n", expiresInDays: "30" }, DAYS],
    ["the first bad field only", { name: "", permissions: [], expiresInDays: 0 }, NAME],
  ])("%s is a 400 and creates nothing", async (_label, body, message) => {
    expectError(await call(emulator, "POST", KEYS, { body }), 400, message);
    expect(await listKeys(emulator)).toEqual([]);
  });

  it("no body is a 400", async () => {
    expectError(await call(emulator, "POST", KEYS), 400, BODY);
  });

  it("accepts 30 characters (UTF-16 units), 1 and 365 days, and ignores other fields", async () => {
    expect((await createKey(emulator, { name: "é".repeat(30), expiresInDays: 1 })).name).toBe("é".repeat(30));
    const key = await createKey(emulator, { expiresInDays: 365, isActive: false, key: "sk-mine", id: "x" });
    expect(key).toMatchObject({ isActive: true });
    expect(key.id).not.toBe("x");
    expectError(await call(emulator, "POST", KEYS, { body: { name: "😀".repeat(16) } }), 400, NAME);
  });

  it("a body that is not sent as JSON is a 415", async () => {
    const reply = await call(emulator, "POST", KEYS, {
      body: JSON.stringify({ name: "n" }),
      headers: { "content-type": "text/plain" },
    });
    expectError(reply, 415, "The request body must be sent as application/json.");
    expect(await listKeys(emulator)).toEqual([]);
  });

  it("a body over 1 MiB is a 413", async () => {
    const reply = await call(emulator, "POST", KEYS, { body: { name: "n", pad: "x".repeat(1024 * 1024) } });
    expectError(reply, 413);
  });
});

describe("update", () => {
  it.each([
    ["malformed JSON", "{", BODY],
    ["an array", [], BODY],
    ["an empty name", { name: "" }, NAME],
    ["a long name", { name: "y".repeat(31) }, NAME],
    ["[] for permissions", { permissions: [] }, PERMS],
    ["an unknown scope", { permissions: ["files:delete"] }, PERMS],
    ['"false" for isActive', { isActive: "false" }, MESSAGES.isActive],
    ["0 for isActive", { isActive: 0 }, MESSAGES.isActive],
  ])("%s is a 400 and changes nothing", async (_label, body, message) => {
    const { id } = await createKey(emulator, { name: "kept", permissions: ["files:read"] });
    const before = await listKeys(emulator);
    expectError(await call(emulator, "PUT", `${KEYS}/${id}`, { body }), 400, message);
    expect(await listKeys(emulator)).toEqual(before);
  });

  it("no body is a 400", async () => {
    const { id } = await createKey(emulator);
    expectError(await call(emulator, "PUT", `${KEYS}/${id}`), 400, BODY);
  });

  it("the body is checked before the key is looked up (a bad body for an unknown key is a 400)", async () => {
    const reply = await call(emulator, "PUT", `${KEYS}/00000000-0000-4000-8000-000000000000`, {
      body: { name: "" },
    });
    expectError(reply, 400, NAME);
  });
});
