// Bodies: 400 for the wrapper (JSON, an object, a non-empty api_key), 422 with every problem
// listed for the fields, nothing created or changed by a refused request.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { VoiceableEmulator } from "./server";
import { call, createKey, expectError, KEYS, listKeys, start } from "./testing";

let emulator: VoiceableEmulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const create = (apiKey: Record<string, unknown>) => ({
  api_key: { name: "n", key_type: "private", ...apiKey },
});

describe("the wrapper (400)", () => {
  it.each([
    ["malformed JSON", '{"api_key": {', "The request body is not valid JSON."],
    ["an array", [], "param is missing or the value is empty: api_key"],
    ["no api_key", { name: "n" }, "param is missing or the value is empty: api_key"],
    ["api_key null", { api_key: null }, "param is missing or the value is empty: api_key"],
    ["api_key a string", { api_key: "n" }, "param is missing or the value is empty: api_key"],
    ["api_key empty", { api_key: {} }, "param is missing or the value is empty: api_key"],
  ])("%s is a 400 on create and update", async (_label, body, error) => {
    expectError(await call(emulator, "POST", KEYS, { body }), 400, "Bad Request", [error]);
    const key = await createKey(emulator);
    expectError(await call(emulator, "PUT", `${KEYS}/${key.id}`, { body }), 400, "Bad Request", [error]);
    expect(await listKeys(emulator)).toHaveLength(1);
  });

  it("no body, or a body not sent as JSON, has no api_key: 400", async () => {
    expectError(await call(emulator, "POST", KEYS), 400, "Bad Request");
    const plain = await call(emulator, "POST", KEYS, {
      body: JSON.stringify(create({})),
      headers: { "content-type": "text/plain" },
    });
    expectError(plain, 400, "Bad Request", ["param is missing or the value is empty: api_key"]);
  });

  it("a body over 1 MiB is a 413", async () => {
    expect(
      (await call(emulator, "POST", KEYS, { body: create({ pad: "x".repeat(1024 * 1024) }) })).status,
    ).toBe(413);
  });
});

describe("create fields (422, every problem listed)", () => {
  it.each([
    ["no name", { name: undefined }, ["Name can't be blank"]],
    ["a blank name", { name: "  " }, ["Name can't be blank"]],
    ["null name", { name: null }, ["Name can't be blank"]],
    ["a number for the name", { name: 5 }, ["Name must be a string"]],
    ["a 256-character name", { name: "x".repeat(256) }, ["Name is too long (maximum is 255 characters)"]],
    ["no key_type", { key_type: undefined }, ["Key type can't be blank"]],
    ["key_type Private", { key_type: "Private" }, ["Key type is not included in the list"]],
    ["key_type secret", { key_type: "secret" }, ["Key type is not included in the list"]],
    ["origins not a list", { allowed_origins: "https://a.io" }, ["Allowed origins must be an array"]],
    [
      "bad origins",
      { allowed_origins: ["ftp://x.io", "https://a.io/", "https://*.a.io", "https://a.io:99999", 5] },
      [
        "Allowed origins contains an invalid origin: ftp://x.io",
        "Allowed origins contains an invalid origin: https://a.io/",
        "Allowed origins contains an invalid origin: https://*.a.io",
        "Allowed origins contains an invalid origin: https://a.io:99999",
        "Allowed origins contains an invalid origin: 5",
      ],
    ],
    ["assistants not a list", { allowed_assistants: "1" }, ["Allowed assistants must be an array"]],
    [
      "bad assistants",
      { allowed_assistants: [123, ""] },
      [
        "Allowed assistants contains an invalid assistant id: 123",
        'Allowed assistants contains an invalid assistant id: ""',
      ],
    ],
    ["transient null", { transient_assistant: null }, ["Transient assistant must be true or false"]],
    ["transient 'yes'", { transient_assistant: "yes" }, ["Transient assistant must be true or false"]],
    ["transient 1", { transient_assistant: 1 }, ["Transient assistant must be true or false"]],
    [
      "everything at once",
      { name: "", key_type: "x", allowed_origins: ["x"], transient_assistant: 0 },
      [
        "Name can't be blank",
        "Key type is not included in the list",
        "Allowed origins contains an invalid origin: x",
        "Transient assistant must be true or false",
      ],
    ],
  ])("%s", async (_label, fields, errors) => {
    expectError(
      await call(emulator, "POST", KEYS, { body: create(fields) }),
      422,
      "Validation failed",
      errors,
    );
    expect(await listKeys(emulator)).toEqual([]);
  });

  it.each([
    "http://localhost:3000",
    "https://example.com",
    "https://app.example.co.uk:8443",
    "http://127.0.0.1:8080",
    "http://[::1]:3000",
    "https://xn--bcher-kva.example",
  ])("accepts the origin %s", async (origin) => {
    expect((await createKey(emulator, { allowed_origins: [origin] })).allowed_origins).toEqual([origin]);
  });

  it("accepts a 255-character name", async () => {
    expect((await createKey(emulator, { name: "é".repeat(255) })).name).toHaveLength(255);
  });
});

describe("update fields", () => {
  it("follow the create rules when present (null name is a 422) and change nothing when refused", async () => {
    const key = await createKey(emulator, { allowed_origins: ["https://a.io"] });
    const before = await listKeys(emulator);
    const reply = await call(emulator, "PUT", `${KEYS}/${key.id}`, {
      body: { api_key: { name: null, allowed_origins: ["https://b.io", "nope"], transient_assistant: "no" } },
    });
    expectError(reply, 422, "Validation failed", [
      "Name can't be blank",
      "Allowed origins contains an invalid origin: nope",
      "Transient assistant must be true or false",
    ]);
    expect(await listKeys(emulator)).toEqual(before);
  });
});
