// The test-only /__emulator/ routes on the Voiceable emulator (at the host root, not under
// /api/v1): refused without control, reset, the request log (secrets masked) and faults with
// Voiceable's bodies.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { VoiceableEmulator } from "./server";
import { call, createKey, expectError, KEYS, listKeys, OWNER_KEY, start } from "./testing";

let emulator: VoiceableEmulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const addFault = (rule: Record<string, unknown>) =>
  call(emulator, "POST", "/__emulator/faults", { body: rule });

it("without control the routes are unknown (404)", async () => {
  const closed = await start({ control: false });
  try {
    expectError(await call(closed, "POST", "/__emulator/reset", { body: {} }), 404, "Not Found");
    expectError(await call(closed, "GET", "/__emulator/requests"), 404, "Not Found");
  } finally {
    await closed.close();
  }
});

it("reset clears faults and the log, and old secrets stop working", async () => {
  const key = await createKey(emulator);
  await addFault({ method: "GET", path: KEYS, fault: { kind: "status", status: 500 } });
  expect((await call(emulator, "POST", "/__emulator/reset", { body: { seed: "empty" } })).body).toEqual({
    keys: 0,
  });
  expect((await call(emulator, "GET", "/__emulator/faults")).body).toEqual({ faults: [] });
  expect(emulator.log.list()).toEqual([]);
  expectError(await call(emulator, "GET", KEYS, { apiKey: key.key_value }), 401, "Authentication required.");
  expect((await call(emulator, "POST", "/__emulator/reset", { body: { seed: "nope" } })).status).toBe(400);
});

it("the request log never holds a secret or the credential headers", async () => {
  const priv = await createKey(emulator);
  const pub = await createKey(emulator, { key_type: "public" });
  await call(emulator, "GET", KEYS, { apiKey: priv.key_value });
  await call(emulator, "GET", KEYS, { apiKey: null, headers: { authorization: `Bearer ${pub.key_value}` } });
  await call(emulator, "PUT", `${KEYS}/${priv.id}`, { body: { api_key: { name: `was ${priv.key_value}` } } });
  await call(emulator, "GET", `${KEYS}/${pub.key_value}`);
  const logged = await call(emulator, "GET", "/__emulator/requests");
  expect(logged.body.requests).toHaveLength(6);
  expect(logged.text).not.toContain(priv.key_value!.slice(8, 50));
  expect(logged.text).not.toContain(pub.key_value!.slice(7, 50));
  expect(logged.text).not.toContain(OWNER_KEY);
  expect(logged.text).toContain(`vk_priv_…${priv.key_value!.slice(-4)}`);
  expect(logged.text).toContain(`vk_pub_…${pub.key_value!.slice(-4)}`);
  expect(
    logged.body.requests.map((r: Record<string, unknown>) => [r.method, r.path, r.status]).slice(2, 4),
  ).toEqual([
    ["GET", KEYS, 200],
    ["GET", KEYS, 403],
  ]);
});

describe("faults (path is the full request path)", () => {
  it("a status fault answers Voiceable's error body; 429 carries Retry-After; nothing is created", async () => {
    await addFault({ method: "POST", path: KEYS, fault: { kind: "status", status: 429, retryAfter: 3 } });
    const reply = await call(emulator, "POST", KEYS, {
      body: { api_key: { name: "n", key_type: "private" } },
    });
    expectError(reply, 429, "Rate limit exceeded. Please retry later.");
    expect(reply.headers.get("retry-after")).toBe("3");
    expect(await listKeys(emulator)).toEqual([]);
  });

  it("a string body goes out as HTML; after: true makes the change first", async () => {
    await addFault({
      method: "DELETE",
      path: `${KEYS}/*`,
      fault: { kind: "status", status: 502, body: "<h1>502</h1>", after: true },
    });
    const key = await createKey(emulator);
    const reply = await call(emulator, "DELETE", `${KEYS}/${key.id}`);
    expect(reply.status).toBe(502);
    expect(reply.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(reply.text).toBe("<h1>502</h1>");
    expect(await listKeys(emulator)).toEqual([]);
  });

  it("malformed is a 200 that is not JSON; drop cuts the connection", async () => {
    await addFault({ method: "GET", path: KEYS, fault: { kind: "malformed" } });
    const malformed = await call(emulator, "GET", KEYS);
    expect([malformed.status, malformed.body]).toEqual([200, undefined]);
    await addFault({ method: "*", path: KEYS, fault: { kind: "drop" } });
    await expect(call(emulator, "GET", KEYS)).rejects.toThrow(/fetch failed/);
  });
});
