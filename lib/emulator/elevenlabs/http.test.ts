// The HTTP layer (API.md §0, §1, §5, §9): routing errors, request ids, how bodies are read and
// parsed, body size, text round-trips and percent-encoded path parameters.
import { connect } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import {
  ADMIN_KEY,
  call,
  createAccount,
  createKey,
  expect422,
  expectError,
  getKey,
  listKeys,
  start,
} from "@/tests/support/emulator-calls";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const REQUEST_ID = /^[0-9a-f]{32}$/;

describe("routing", () => {
  it.each([
    ["GET", "/"],
    ["GET", "/v1"],
    ["GET", "/v1/service-account"],
    ["POST", "/v2/service-accounts"],
    ["GET", "/v1/service-accounts/sa/api-keys/k/extra"],
    ["GET", "/v1/service-accounts/sa"],
  ])('%s %s is 404 {"detail":"Not Found"}, with or without a key', async (method, path) => {
    for (const key of [undefined, null]) {
      const reply = await call(emulator, method, path, { key });
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ detail: "Not Found" });
      expect(reply.headers.get("content-type")).toBe("application/json");
    }
  });

  it.each([
    ["DELETE", "/v1/service-accounts", "GET, HEAD, POST"],
    ["PUT", "/v1/service-accounts/sa/api-keys", "GET, HEAD, POST"],
    ["GET", "/v1/service-accounts/sa/api-keys/k", "PATCH, DELETE"],
    ["POST", "/v1/service-accounts/sa/api-keys/k", "PATCH, DELETE"],
  ])("%s %s is 405 with allow: %s", async (method, path, allow) => {
    const reply = await call(emulator, method, path);
    expect(reply.status).toBe(405);
    expect(reply.body).toEqual({ detail: "Method Not Allowed" });
    expect(reply.headers.get("allow")).toBe(allow);
  });

  it("HEAD on a list answers the GET's headers without a body", async () => {
    await createAccount(emulator);
    const res = await fetch(`${emulator.url}/v1/service-accounts`, {
      method: "HEAD",
      headers: { "xi-api-key": ADMIN_KEY },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(Number(res.headers.get("content-length"))).toBeGreaterThan(20);
  });

  it("a query string is ignored (these endpoints take no query parameters)", async () => {
    const reply = await call(emulator, "GET", "/v1/service-accounts?page=2&limit=1");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ "service-accounts": [] });
  });
});

describe("x-request-id", () => {
  it("is on every response, unique, and equal to the error body's request_id", async () => {
    const saId = await createAccount(emulator);
    const { keyId } = await createKey(emulator, saId);
    const replies = [
      await call(emulator, "GET", "/v1/service-accounts"),
      await call(emulator, "POST", "/v1/service-accounts", { body: { name: "n" } }),
      await call(emulator, "GET", `/v1/service-accounts/${saId}/api-keys`),
      await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, { body: {} }),
      await call(emulator, "DELETE", `/v1/service-accounts/${saId}/api-keys/${keyId}`),
      await call(emulator, "GET", "/v1/service-accounts", { key: null }), // 401
      await call(emulator, "GET", "/v1/service-accounts/nope/api-keys"), // 404 not_found
      await call(emulator, "GET", "/nope"), // 404 route
      await call(emulator, "PUT", "/v1/service-accounts"), // 405
      await call(emulator, "POST", "/v1/service-accounts", { body: {} }), // 422
      await call(emulator, "POST", "/v1/service-accounts", { body: "{" }), // 422 json_invalid
      await call(emulator, "GET", "/__emulator/requests"), // control route
    ];
    const ids = replies.map((r) => r.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(REQUEST_ID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const reply of replies.filter(
      (r) => r.status >= 400 && typeof r.body?.detail === "object" && !Array.isArray(r.body.detail),
    )) {
      expect(reply.body.detail.request_id).toBe(reply.headers.get("x-request-id"));
    }
  });

  it("is on a redirect (trailing slash) too", async () => {
    const res = await fetch(`${emulator.url}/v1/service-accounts/`, {
      headers: { "xi-api-key": ADMIN_KEY },
      redirect: "manual",
    });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/v1/service-accounts");
    expect(res.headers.get("x-request-id")).toMatch(REQUEST_ID);
  });

  it("is on the 400 for a request that is not HTTP at all", async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(emulator.port, "127.0.0.1", () => socket.write("NOT HTTP AT ALL\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toMatch(/\r\nx-request-id: [0-9a-f]{32}\r\n/);
    expect((await call(emulator, "GET", "/v1/service-accounts")).status).toBe(200);
  });
});

describe("request bodies", () => {
  const post = (body: string | undefined, contentType?: string) =>
    fetch(`${emulator.url}/v1/service-accounts`, {
      method: "POST",
      headers: { "xi-api-key": ADMIN_KEY, ...(contentType ? { "content-type": contentType } : {}) },
      // Bytes, because fetch labels a string body text/plain on its own.
      body: body === undefined ? undefined : new TextEncoder().encode(body),
    }).then(async (res) => ({ status: res.status, body: await res.json() }));

  it.each(['{"name": }', "{", '{"name": "x",}', '{"name": "x"} trailing'])(
    "malformed JSON %j is 422 json_invalid",
    async (text) => {
      const reply = await post(text, "application/json");
      expect(reply.status).toBe(422);
      expect(reply.body.detail).toHaveLength(1);
      const [issue] = reply.body.detail;
      expect(issue).toMatchObject({ type: "json_invalid", msg: "JSON decode error", input: {} });
      expect(issue.loc).toHaveLength(2);
      expect(issue.loc[0]).toBe("body");
      expect(Number.isInteger(issue.loc[1])).toBe(true);
    },
  );

  it("malformed JSON is reported before auth (FastAPI reads the body first)", async () => {
    const res = await fetch(`${emulator.url}/v1/service-accounts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(res.status).toBe(422);
  });

  it("JSON without a content type is still parsed; a non-JSON content type is not", async () => {
    expect((await post('{"name":"no type"}')).status).toBe(200);
    const reply = await post('{"name":"plain"}', "text/plain");
    expect(reply.status).toBe(422);
    expect(reply.body.detail[0]).toMatchObject({
      type: "model_attributes_type",
      loc: ["body"],
      input: '{"name":"plain"}',
    });
    expect((await post('{"name":"charset"}', "application/json; charset=utf-8")).status).toBe(200);
  });

  it('a missing body is 422 missing at ["body"]; an empty PATCH body is fine', async () => {
    expect422(await call(emulator, "POST", "/v1/service-accounts"), [
      { type: "missing", loc: ["body"], msg: "Field required" },
    ]);
    const saId = await createAccount(emulator);
    const { keyId } = await createKey(emulator, saId);
    const res = await fetch(`${emulator.url}/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      method: "PATCH",
      headers: { "xi-api-key": ADMIN_KEY },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("a body over 1 MiB is 413 with a detail object; the server keeps answering", async () => {
    const big = JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) });
    for (let i = 0; i < 3; i++) {
      const reply = await call(emulator, "POST", "/v1/service-accounts", { body: big });
      expectError(reply, 413, "payload_too_large", "invalid_request");
    }
    expect((await call(emulator, "GET", "/v1/service-accounts")).body).toEqual({ "service-accounts": [] });
  });

  it("a streamed (chunked) body over 1 MiB is 413 too", async () => {
    const chunk = new TextEncoder().encode("y".repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const init = {
      method: "POST",
      headers: { "xi-api-key": ADMIN_KEY, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    };
    const res = await fetch(`${emulator.url}/v1/service-accounts`, init as RequestInit);
    expect(res.status).toBe(413);
    expect((await call(emulator, "GET", "/v1/service-accounts")).status).toBe(200);
  });

  it("a body just under 1 MiB is accepted", async () => {
    const reply = await call(emulator, "POST", "/v1/service-accounts", {
      body: { name: "x".repeat(1024 * 1024 - 100) },
    });
    expect(reply.status).toBe(200);
  });

  it('invalid UTF-8 is 400 "There was an error parsing the body" (as FastAPI)', async () => {
    const res = await fetch(`${emulator.url}/v1/service-accounts`, {
      method: "POST",
      headers: { "xi-api-key": ADMIN_KEY, "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: "There was an error parsing the body" });
  });
});

describe("text round-trips", () => {
  it.each([
    ["non-ASCII", 'Zürich 🎙️ 東京 — "quoted" \\ back'],
    ["10,000 characters", "é".repeat(5_000) + "k".repeat(5_000)],
    ["empty", ""],
  ])("%s names come back unchanged", async (_label, name) => {
    const saId = await createAccount(emulator, name);
    const { keyId } = await createKey(emulator, saId, { name });
    expect((await getKey(emulator, saId, keyId)).name).toBe(name);
    const accounts = (await call(emulator, "GET", "/v1/service-accounts")).body["service-accounts"];
    expect(accounts[0].name).toBe(name);
    await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      body: { name: name + "!" },
    });
    expect((await getKey(emulator, saId, keyId)).name).toBe(name + "!");
  });
});

describe("percent-encoded path parameters", () => {
  const encodeAll = (s: string) =>
    [...s].map((c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()).join("");

  it("are decoded before matching: a fully encoded real id works", async () => {
    const saId = await createAccount(emulator);
    const { keyId } = await createKey(emulator, saId);
    const reply = await call(emulator, "GET", `/v1/service-accounts/${encodeAll(saId)}/api-keys`);
    expect(reply.status).toBe(200);
    expect(reply.body["api-keys"].map((k: { key_id: string }) => k.key_id)).toEqual([keyId]);
    const patch = await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${encodeAll(keyId)}`, {
      body: { name: "via-encoded" },
    });
    expect(patch.body).toEqual({ status: "ok" });
    expect((await listKeys(emulator, saId))[0].name).toBe("via-encoded");
  });

  it('an unknown id is reported decoded ("sa 1" was sent as sa%201)', async () => {
    const reply = await call(emulator, "GET", "/v1/service-accounts/sa%201/api-keys");
    expectError(reply, 404, "not_found", "not_found", "Service account with id 'sa 1' was not found.");
  });

  it("an encoded slash (k%2F1) splits the path, as in Starlette: route 404", async () => {
    const saId = await createAccount(emulator);
    const reply = await call(emulator, "DELETE", `/v1/service-accounts/${saId}/api-keys/k%2F1`);
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ detail: "Not Found" });
  });

  it("a bad escape stays as it is", async () => {
    const reply = await call(emulator, "GET", "/v1/service-accounts/sa%zz/api-keys");
    expectError(reply, 404, "not_found", "not_found", "Service account with id 'sa%zz' was not found.");
  });
});
