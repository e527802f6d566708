// Every key endpoint as the contract has it (list, get, create, update by PUT and PATCH, delete):
// the envelopes, the key object, ids, and what each changes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { VoiceableEmulator } from "./server";
import { call, createKey, expectError, KEYS, listKeys, manualClock, start } from "./testing";

const clock = manualClock();
let emulator: VoiceableEmulator;
beforeAll(async () => {
  emulator = await start({ now: clock.now });
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const FIELDS = [
  "id",
  "key_type",
  "name",
  "key_value",
  "allowed_origins",
  "allowed_assistants",
  "transient_assistant",
  "user_id",
  "user_email",
  "created_at",
  "updated_at",
];
const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

describe("POST /api/v1/api_keys", () => {
  it("answers 201 with the key and its secret, the only time the secret is sent", async () => {
    const reply = await call(emulator, "POST", KEYS, {
      body: {
        api_key: {
          name: "Website widget",
          key_type: "public",
          allowed_origins: ["https://example.com", "http://localhost:3000"],
          allowed_assistants: ["123"],
          transient_assistant: true,
        },
      },
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(reply.body.status).toEqual({ code: 201, message: "API key created successfully" });
    const key = reply.body.data;
    expect(Object.keys(key)).toEqual(FIELDS);
    expect(key.key_value).toMatch(/^vk_pub_[0-9a-f]{48}$/);
    expect(key).toEqual({
      id: 1,
      key_type: "public",
      name: "Website widget",
      key_value: key.key_value,
      allowed_origins: ["https://example.com", "http://localhost:3000"],
      allowed_assistants: ["123"],
      transient_assistant: true,
      user_id: 1,
      user_email: "owner@example.com",
      created_at: at(clock.now()),
      updated_at: at(clock.now()),
    });
    expect((await listKeys(emulator))[0]!.key_value).toBeNull();
  });

  it("defaults: no origins, every assistant, no transient assistant; a private secret is vk_priv_", async () => {
    const key = await createKey(emulator, { allowed_origins: null, allowed_assistants: null });
    expect(key).toMatchObject({
      key_type: "private",
      allowed_origins: [],
      allowed_assistants: [],
      transient_assistant: false,
    });
    expect(key.key_value).toMatch(/^vk_priv_[0-9a-f]{48}$/);
  });

  it("stores both lists de-duplicated in the order given, and ignores other fields", async () => {
    const key = await createKey(emulator, {
      allowed_origins: ["https://b.io", "https://a.io", "https://b.io"],
      allowed_assistants: ["2", "1", "2"],
      id: 99,
      user_id: 7,
      key_value: "mine",
      active: false,
    });
    expect(key).toMatchObject({
      id: 1,
      user_id: 1,
      allowed_origins: ["https://b.io", "https://a.io"],
      allowed_assistants: ["2", "1"],
    });
    expect(key.key_value).not.toBe("mine");
  });

  it("numbers ids 1, 2, 3... never reusing one, and starts again after a reset", async () => {
    const first = await createKey(emulator);
    await call(emulator, "DELETE", `${KEYS}/${first.id}`);
    expect((await createKey(emulator)).id).toBe(2);
    emulator.reset("empty");
    expect((await createKey(emulator)).id).toBe(1);
  });
});

describe("GET /api/v1/api_keys and /api_keys/{id}", () => {
  it("lists every key in ascending id, without secrets", async () => {
    await createKey(emulator, { name: "one" });
    await createKey(emulator, { name: "two", key_type: "public" });
    const reply = await call(emulator, "GET", KEYS);
    expect(reply.status).toBe(200);
    expect(reply.body.status).toEqual({ code: 200, message: "Success" });
    expect(
      reply.body.data.map((k: { id: number; name: string; key_value: null }) => [k.id, k.name, k.key_value]),
    ).toEqual([
      [1, "one", null],
      [2, "two", null],
    ]);
    expect(Object.keys(reply.body)).toEqual(["status", "data"]);
  });

  it("reads one key", async () => {
    const created = await createKey(emulator, { name: "solo" });
    const reply = await call(emulator, "GET", `${KEYS}/${created.id}`);
    expect(reply.body).toEqual({
      status: { code: 200, message: "Success" },
      data: { ...created, key_value: null },
    });
  });

  it.each(["99", "abc", "1.0", "-1", "01x"])("GET /api_keys/%s is a 404 API key not found", async (id) => {
    await createKey(emulator);
    expectError(await call(emulator, "GET", `${KEYS}/${id}`), 404, "API key not found");
  });
});

describe("PUT and PATCH /api/v1/api_keys/{id}", () => {
  it.each(["PUT", "PATCH"])("%s changes only the fields sent and answers the whole key", async (method) => {
    const created = await createKey(emulator, {
      name: "before",
      allowed_origins: ["https://a.io"],
      allowed_assistants: ["1"],
    });
    clock.advance(60_000);
    const reply = await call(emulator, method, `${KEYS}/${created.id}`, {
      body: { api_key: { name: "after" } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      status: { code: 200, message: "API key updated successfully" },
      data: { ...created, key_value: null, name: "after", updated_at: at(clock.now()) },
    });
  });

  it("[] or null clears a list; transient_assistant can be changed", async () => {
    const created = await createKey(emulator, {
      allowed_origins: ["https://a.io"],
      allowed_assistants: ["1"],
    });
    const reply = await call(emulator, "PUT", `${KEYS}/${created.id}`, {
      body: { api_key: { allowed_origins: [], allowed_assistants: null, transient_assistant: true } },
    });
    expect(reply.body.data).toMatchObject({
      allowed_origins: [],
      allowed_assistants: [],
      transient_assistant: true,
    });
  });

  it("ignores key_type, key_value, id, user_id and every enable flag: there is no disable", async () => {
    const created = await createKey(emulator);
    clock.advance(60_000);
    const reply = await call(emulator, "PUT", `${KEYS}/${created.id}`, {
      body: {
        api_key: {
          key_type: "public",
          key_value: "x",
          id: 5,
          user_id: 2,
          active: false,
          enabled: false,
          is_active: false,
        },
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ ...created, key_value: null });
    expect((await call(emulator, "GET", `${KEYS}/${created.id}`, { apiKey: created.key_value })).status).toBe(
      200,
    );
  });

  it("moves updated_at only when something changed", async () => {
    const created = await createKey(emulator, { name: "same" });
    clock.advance(60_000);
    const reply = await call(emulator, "PUT", `${KEYS}/${created.id}`, {
      body: { api_key: { name: "same" } },
    });
    expect(reply.body.data.updated_at).toBe(created.updated_at);
  });

  it("is a 404 for an unknown id", async () => {
    expectError(
      await call(emulator, "PUT", `${KEYS}/7`, { body: { api_key: { name: "x" } } }),
      404,
      "API key not found",
    );
  });
});

describe("DELETE /api/v1/api_keys/{id}", () => {
  it("removes the key for good; its secret stops working at once; a second delete is a 404", async () => {
    const created = await createKey(emulator);
    expect((await call(emulator, "GET", KEYS, { apiKey: created.key_value })).status).toBe(200);
    const reply = await call(emulator, "DELETE", `${KEYS}/${created.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: { code: 200, message: "API key deleted successfully" } });
    expect(await listKeys(emulator)).toEqual([]);
    expectError(
      await call(emulator, "GET", KEYS, { apiKey: created.key_value }),
      401,
      "Authentication required.",
    );
    expectError(await call(emulator, "DELETE", `${KEYS}/${created.id}`), 404, "API key not found");
  });
});
