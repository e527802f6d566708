// The test-only /__emulator/ routes on the DocSpace emulator: refused without control, reset,
// the request log (secrets masked) and the fault kinds, with DocSpace's bodies.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DocspaceEmulator } from "./server";
import { call, createKey, expectError, KEYS, listKeys, start } from "./testing";

let emulator: DocspaceEmulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const addFault = (rule: Record<string, unknown>) =>
  call(emulator, "POST", "/__emulator/faults", { body: rule });

describe("without control", () => {
  it.each([
    ["POST", "/__emulator/reset"],
    ["GET", "/__emulator/requests"],
    ["POST", "/__emulator/faults"],
  ])("%s %s is the unknown-route 404", async (method, path) => {
    const closed = await start({ control: false });
    try {
      expectError(
        await call(closed, method, path, { body: method === "POST" ? {} : undefined }),
        404,
        "Not found.",
      );
    } finally {
      await closed.close();
    }
  });
});

describe("reset", () => {
  it("switches seeds, answers the key count, clears faults and the log; old secrets stop working", async () => {
    const { key } = await createKey(emulator);
    await addFault({ method: "GET", path: KEYS, fault: { kind: "status", status: 500 } });
    expect((await call(emulator, "POST", "/__emulator/reset", { body: { seed: "demo" } })).body).toEqual({
      keys: 12,
    });
    expect((await call(emulator, "GET", "/__emulator/faults")).body).toEqual({ faults: [] });
    expect(emulator.log.list()).toEqual([]);
    expectError(await call(emulator, "GET", `${KEYS}/@self`, { token: key }), 401);
    expect((await call(emulator, "POST", "/__emulator/reset", { body: { seed: "empty" } })).body).toEqual({
      keys: 0,
    });
    expect((await call(emulator, "POST", "/__emulator/reset", {})).body).toEqual({ keys: 12 });
  });

  it.each([{ seed: "huge" }, { seed: { serviceAccounts: 1, keysPerAccount: 1 } }])(
    "refuses %j with a 400",
    async (body) => {
      const reply = await call(emulator, "POST", "/__emulator/reset", { body });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ error: expect.any(String) });
    },
  );
});

describe("request log", () => {
  it("records method, path, body, status and fault, oldest first", async () => {
    await call(emulator, "POST", KEYS, { body: { name: "logged" } });
    await call(emulator, "GET", "/nope");
    await addFault({ method: "GET", path: KEYS, fault: { kind: "status", status: 503 } });
    await call(emulator, "GET", KEYS);
    const { requests } = (await call(emulator, "GET", "/__emulator/requests")).body;
    expect(
      requests.map((r: Record<string, unknown>) => [r.method, r.path, r.body, r.status, r.fault]),
    ).toEqual([
      ["POST", KEYS, { name: "logged" }, 200, null],
      ["GET", "/nope", null, 404, null],
      ["GET", KEYS, null, 503, "status"],
    ]);
    expect(Object.keys(requests[0])).toEqual([
      "at",
      "requestId",
      "method",
      "path",
      "body",
      "status",
      "fault",
    ]);
  });

  it("never holds a secret or the Authorization header", async () => {
    const { key } = await createKey(emulator);
    await call(emulator, "GET", KEYS, { token: key });
    await call(emulator, "POST", KEYS, { body: { name: `leaked ${key}`, [key]: [key] } });
    await call(emulator, "PUT", `${KEYS}/${key}`, { body: {} });
    await call(emulator, "POST", KEYS, { body: `{"name": "${key}"` });
    const logged = await call(emulator, "GET", "/__emulator/requests");
    expect(logged.body.requests).toHaveLength(5);
    expect(logged.text).not.toContain(key.slice(3, 47));
    expect(logged.text).not.toContain("docspace_admin_test");
    expect(logged.text).toContain(`sk-…${key.slice(-4)}`);
    expect((await call(emulator, "DELETE", "/__emulator/requests")).body).toEqual({ cleared: true });
    expect((await call(emulator, "GET", "/__emulator/requests")).body).toEqual({ requests: [] });
  });
});

describe("faults", () => {
  it("a status fault answers the error envelope instead of the endpoint; 429 carries Retry-After", async () => {
    await addFault({ method: "POST", path: KEYS, fault: { kind: "status", status: 429 } });
    const reply = await call(emulator, "POST", KEYS, { body: { name: "k" } });
    expectError(reply, 429, "Too many requests. Please try again later.");
    expect(reply.headers.get("retry-after")).toBe("1");
    expect(await listKeys(emulator)).toEqual([]);
  });

  it("a string body goes out as HTML (the proxy's 502)", async () => {
    await addFault({
      method: "GET",
      path: KEYS,
      fault: { kind: "status", status: 502, body: "<html>Bad Gateway</html>" },
    });
    const reply = await call(emulator, "GET", KEYS);
    expect(reply.status).toBe(502);
    expect(reply.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(reply.text).toBe("<html>Bad Gateway</html>");
  });

  it("after: true makes the change, then fails", async () => {
    await addFault({ method: "*", path: KEYS, fault: { kind: "status", status: 500, after: true } });
    expectError(await call(emulator, "POST", KEYS, { body: { name: "ghost" } }), 500);
    expect((await listKeys(emulator)).map((k) => k.name)).toEqual(["ghost"]);
  });

  it("* stands for one path segment; count N hits the next N", async () => {
    const { id } = await createKey(emulator);
    await addFault({ method: "PUT", path: `${KEYS}/*`, count: 2, fault: { kind: "status", status: 503 } });
    for (let i = 0; i < 2; i++) expectError(await call(emulator, "PUT", `${KEYS}/${id}`, { body: {} }), 503);
    expect((await call(emulator, "PUT", `${KEYS}/${id}`, { body: {} })).status).toBe(200);
  });

  it("drop cuts the connection; malformed answers 200 with broken JSON; hang never answers", async () => {
    await addFault({ method: "GET", path: KEYS, fault: { kind: "drop" } });
    await expect(call(emulator, "GET", KEYS)).rejects.toThrow(/fetch failed/);
    await addFault({ method: "GET", path: KEYS, fault: { kind: "malformed" } });
    const malformed = await call(emulator, "GET", KEYS);
    expect(malformed.status).toBe(200);
    expect(malformed.body).toBeUndefined();
    await addFault({ method: "GET", path: KEYS, fault: { kind: "hang" } });
    const hung = fetch(`${emulator.url}${KEYS}`, { signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toMatchObject({ name: "TimeoutError" });
    expect((await call(emulator, "GET", KEYS)).status).toBe(200);
  });

  it("latency delays an otherwise normal answer", async () => {
    await addFault({ method: "GET", path: KEYS, fault: { kind: "latency", ms: 200 } });
    const started = Date.now();
    expect((await call(emulator, "GET", KEYS)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("a bad rule is a 400 with an error", async () => {
    const reply = await addFault({ method: "GET", path: KEYS, fault: { kind: "explode" } });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: expect.any(String) });
  });
});
