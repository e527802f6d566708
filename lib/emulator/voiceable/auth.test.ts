// Who may call: X-API-Key or Bearer (X-API-Key first), the owner's key, private secrets acting as
// the owner until deleted, public secrets refused on key management, and the order of checks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { VoiceableEmulator } from "./server";
import { call, createKey, expectError, KEYS, listKeys, OWNER_KEY, start } from "./testing";

let emulator: VoiceableEmulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const AUTH = "Authentication required.";

describe("credentials", () => {
  it.each([
    ["no key", {}],
    ["an unknown X-API-Key", { "x-api-key": "nope" }],
    ["an unknown Bearer", { authorization: "Bearer nope" }],
    [
      "a JWT-looking Bearer (the emulator issues none)",
      { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x" },
    ],
    ["the owner key without the Bearer scheme", { authorization: OWNER_KEY }],
  ])("%s is a 401", async (_label, headers) => {
    expectError(await call(emulator, "GET", KEYS, { apiKey: null, headers }), 401, AUTH);
  });

  it("the owner key works as X-API-Key or as Bearer, and is never listed", async () => {
    expect(
      (await call(emulator, "GET", KEYS, { apiKey: null, headers: { authorization: `Bearer ${OWNER_KEY}` } }))
        .status,
    ).toBe(200);
    expect(await listKeys(emulator)).toEqual([]);
  });

  it("X-API-Key wins when both are sent", async () => {
    const both = { authorization: `Bearer ${OWNER_KEY}` };
    expectError(await call(emulator, "GET", KEYS, { apiKey: "nope", headers: both }), 401, AUTH);
    const owner = await call(emulator, "GET", KEYS, { headers: { authorization: "Bearer nope" } });
    expect(owner.status).toBe(200);
  });

  it("a private key's secret acts as the owner everywhere until the key is deleted", async () => {
    const key = await createKey(emulator);
    const made = await call(emulator, "POST", KEYS, {
      apiKey: key.key_value,
      body: { api_key: { name: "by key", key_type: "public" } },
    });
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ user_id: 1, user_email: "owner@example.com" });
    expect(
      (
        await call(emulator, "PUT", `${KEYS}/${made.body.data.id}`, {
          apiKey: key.key_value,
          body: { api_key: { name: "x" } },
        })
      ).status,
    ).toBe(200);
    await call(emulator, "DELETE", `${KEYS}/${key.id}`);
    expectError(await call(emulator, "GET", KEYS, { apiKey: key.key_value }), 401, AUTH);
  });

  it("a public key's secret is a 403 on every key endpoint", async () => {
    const pub = await createKey(emulator, { key_type: "public" });
    for (const [method, path] of [
      ["GET", KEYS],
      ["GET", `${KEYS}/${pub.id}`],
      ["POST", KEYS],
      ["PUT", `${KEYS}/${pub.id}`],
      ["DELETE", `${KEYS}/${pub.id}`],
    ] as const) {
      const reply = await call(emulator, method, path, {
        apiKey: pub.key_value,
        body: method === "POST" || method === "PUT" ? {} : undefined,
      });
      expectError(reply, 403, "Public API keys cannot manage API keys.");
    }
  });

  it("stops working after a reset", async () => {
    const key = await createKey(emulator);
    emulator.reset("empty");
    expectError(await call(emulator, "GET", KEYS, { apiKey: key.key_value }), 401, AUTH);
  });
});

describe("the order of checks: route, auth, public key, record, body, fields", () => {
  it("an unknown route or method is a 404 before auth", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/api_key"],
      ["DELETE", KEYS],
      ["POST", `${KEYS}/1`],
      ["GET", `${KEYS}/1/rotate`],
      ["GET", "/api_keys"],
    ]) {
      const reply = await call(emulator, method!, path!, { apiKey: null });
      expectError(reply, 404, "Not Found", [`No route matches [${method}] "${path}"`]);
    }
  });

  it("auth before the record, the record before the body, the body before the fields", async () => {
    expectError(await call(emulator, "PUT", `${KEYS}/9`, { apiKey: null, body: "{" }), 401, AUTH);
    expectError(await call(emulator, "PUT", `${KEYS}/9`, { body: "{" }), 404, "API key not found");
    const key = await createKey(emulator);
    expectError(await call(emulator, "PUT", `${KEYS}/${key.id}`, { body: "{" }), 400, "Bad Request");
    const reply = await call(emulator, "PUT", `${KEYS}/${key.id}`, { body: { api_key: { name: "" } } });
    expectError(reply, 422, "Validation failed", ["Name can't be blank"]);
  });
});

describe("routing details", () => {
  it("ignores a trailing slash and the query string; paths are case-sensitive", async () => {
    await createKey(emulator);
    expect((await call(emulator, "GET", `${KEYS}/`)).status).toBe(200);
    expect((await call(emulator, "GET", `${KEYS}/1/?x=1`)).status).toBe(200);
    expectError(await call(emulator, "GET", "/API/v1/api_keys"), 404, "Not Found");
  });

  it("answers HEAD as GET without a body", async () => {
    await createKey(emulator);
    const res = await fetch(`${emulator.url}${KEYS}`, {
      method: "HEAD",
      headers: { "x-api-key": OWNER_KEY },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(Number(res.headers.get("content-length"))).toBeGreaterThan(50);
  });

  it("every answer carries its own x-request-id", async () => {
    const ids = [
      await call(emulator, "GET", KEYS),
      await call(emulator, "GET", "/nope"),
      await call(emulator, "GET", KEYS, { apiKey: null }),
    ].map((reply) => reply.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(3);
  });
});
