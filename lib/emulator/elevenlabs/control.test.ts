// The test-only /__emulator/ routes: refused without control, reset, the request log (secrets
// masked) and every fault kind.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import {
  ADMIN_KEY,
  call,
  createAccount,
  createKey,
  expectError,
  listKeys,
  start,
} from "@/tests/support/emulator-calls";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const LIST = "/v1/service-accounts";
const addFault = (rule: Record<string, unknown>) =>
  call(emulator, "POST", "/__emulator/faults", { body: rule });

describe("without control: true", () => {
  let closed: Emulator;
  beforeAll(async () => {
    closed = await start({ control: false });
  });
  afterAll(() => closed.close());

  it.each([
    ["POST", "/__emulator/reset"],
    ["GET", "/__emulator/requests"],
    ["POST", "/__emulator/faults"],
    ["DELETE", "/__emulator/faults"],
    ["POST", "/__emulator/usage"],
    ["POST", "/__emulator/disable"],
  ])("%s %s is the plain route 404", async (method, path) => {
    const reply = await call(closed, method, path, {
      body: method === "POST" ? { seed: "demo" } : undefined,
    });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ detail: "Not Found" });
  });

  it("X-Forwarded-For is not trusted", async () => {
    const saId = await createAccount(closed);
    const { secret } = await createKey(closed, saId, { allowed_ips: ["203.0.113.0/24"] });
    const reply = await call(closed, "GET", LIST, {
      key: secret,
      headers: { "x-forwarded-for": "203.0.113.5" },
    });
    expectError(reply, 403, "ip_not_allowed", "authorization_error");
  });
});

describe("reset", () => {
  it("switches seeds and reports the counts", async () => {
    const empty = await call(emulator, "POST", "/__emulator/reset", { body: { seed: "empty" } });
    expect(empty.body).toEqual({ serviceAccounts: 0, keys: 0 });
    expect((await call(emulator, "GET", LIST)).body).toEqual({ "service-accounts": [] });

    const demo = await call(emulator, "POST", "/__emulator/reset", { body: { seed: "demo" } });
    expect(demo.status).toBe(200);
    expect((await call(emulator, "GET", LIST)).body["service-accounts"]).toHaveLength(
      demo.body.serviceAccounts,
    );

    const bulk = await call(emulator, "POST", "/__emulator/reset", {
      body: { seed: { serviceAccounts: 3, keysPerAccount: 4 } },
    });
    expect(bulk.body).toEqual({ serviceAccounts: 3, keys: 12 });
  });

  it("throws away what the tests made, and clears faults and the log", async () => {
    await createAccount(emulator, "temporary");
    await addFault({ method: "GET", path: LIST, fault: { kind: "status", status: 500 } });
    await call(emulator, "POST", "/__emulator/reset", { body: { seed: "empty" } });
    expect((await call(emulator, "GET", "/__emulator/faults")).body).toEqual({ faults: [] });
    expect(emulator.log.list()).toEqual([]);
    expect((await call(emulator, "GET", LIST)).body).toEqual({ "service-accounts": [] });
  });

  it("rejects an unknown seed with a 400", async () => {
    expect((await call(emulator, "POST", "/__emulator/reset", { body: { seed: "huge" } })).status).toBe(400);
  });
});

describe("request log", () => {
  it("records method, path, body, status and fault", async () => {
    await call(emulator, "POST", LIST, { body: { name: "logged" } });
    await call(emulator, "GET", "/nope");
    await addFault({ method: "GET", path: LIST, fault: { kind: "status", status: 503 } });
    await call(emulator, "GET", LIST);
    const { requests } = (await call(emulator, "GET", "/__emulator/requests")).body;
    expect(
      requests.map((r: Record<string, unknown>) => [r.method, r.path, r.body, r.status, r.fault]),
    ).toEqual([
      ["POST", LIST, { name: "logged" }, 200, null],
      ["GET", "/nope", null, 404, null],
      ["GET", LIST, null, 503, "status"],
    ]);
    for (const r of requests) expect(r.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("never holds a secret, wherever a client put it", async () => {
    const saId = await createAccount(emulator);
    const { secret, keyId } = await createKey(emulator, saId);
    await call(emulator, "GET", LIST, { key: secret });
    await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      body: { name: `old key ${secret}` },
    });
    await call(emulator, "POST", LIST, { body: { [secret]: 1, name: [secret] } });
    await call(emulator, "GET", `/v1/service-accounts/${secret}/api-keys`);
    await call(emulator, "POST", LIST, { body: `{"name": "${secret}"` }); // not JSON: kept as text
    await call(emulator, "POST", LIST, { body: `${"x".repeat(1990)}${secret}` }); // cut at 2,000 characters
    const logged = await call(emulator, "GET", "/__emulator/requests");
    expect(logged.body.requests).toHaveLength(8);
    expect(logged.text).not.toContain(secret);
    expect(logged.text).not.toContain(secret.slice(3, 40));
    expect(JSON.stringify(emulator.log.list())).not.toContain(secret.slice(3, 40));
    expect(logged.text).toContain(`sk_…${secret.slice(-4)}`);
  });

  it("DELETE clears it", async () => {
    await call(emulator, "GET", LIST);
    expect((await call(emulator, "DELETE", "/__emulator/requests")).body).toEqual({ cleared: true });
    expect((await call(emulator, "GET", "/__emulator/requests")).body).toEqual({ requests: [] });
  });
});

describe("faults", () => {
  it("latency delays the answer, which is otherwise normal", async () => {
    await addFault({ method: "GET", path: LIST, fault: { kind: "latency", ms: 300 } });
    const started = Date.now();
    const reply = await call(emulator, "GET", LIST);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(reply.body).toEqual({ "service-accounts": [] });
  });

  it("status 429 carries Retry-After (default 1, or as given) and a rate_limit_error body", async () => {
    await addFault({ method: "GET", path: LIST, fault: { kind: "status", status: 429 } });
    const first = await call(emulator, "GET", LIST);
    expectError(first, 429, "rate_limit_exceeded", "rate_limit_error");
    expect(first.headers.get("retry-after")).toBe("1");
    await addFault({ method: "GET", path: LIST, fault: { kind: "status", status: 429, retryAfter: 7 } });
    expect((await call(emulator, "GET", LIST)).headers.get("retry-after")).toBe("7");
    expect((await call(emulator, "GET", LIST)).status).toBe(200);
  });

  it.each([
    [500, "internal_error", "internal_error"],
    [503, "service_unavailable", "service_unavailable"],
  ])("status %i answers the superset error body", async (status, code, type) => {
    await addFault({ method: "GET", path: LIST, fault: { kind: "status", status } });
    const reply = await call(emulator, "GET", LIST);
    expectError(reply, status, code, type);
    expect(reply.headers.get("retry-after")).toBeNull();
  });

  it("count N hits the next N matching requests; * matches one path segment; other paths are untouched", async () => {
    const saId = await createAccount(emulator);
    await addFault({
      method: "get",
      path: "/v1/service-accounts/*/api-keys",
      count: 2,
      fault: { kind: "status", status: 500, body: { detail: "custom" } },
    });
    expect((await call(emulator, "GET", LIST)).status).toBe(200);
    expect(
      (
        await call(emulator, "POST", `/v1/service-accounts/${saId}/api-keys`, {
          body: { name: "k", permissions: "all" },
        })
      ).status,
    ).toBe(200);
    const hit = await call(emulator, "GET", `/v1/service-accounts/${saId}/api-keys`);
    expect(hit.status).toBe(500);
    expect(hit.body).toEqual({ detail: "custom" });
    expect((await call(emulator, "GET", `/v1/service-accounts/other/api-keys`)).status).toBe(500);
    expect((await call(emulator, "GET", `/v1/service-accounts/${saId}/api-keys`)).status).toBe(200);
  });

  it("after: true applies the change, then answers 500", async () => {
    const saId = await createAccount(emulator);
    await addFault({
      method: "POST",
      path: "/v1/service-accounts/*/api-keys",
      fault: { kind: "status", status: 500, after: true },
    });
    const reply = await call(emulator, "POST", `/v1/service-accounts/${saId}/api-keys`, {
      body: { name: "ghost", permissions: "all" },
    });
    expectError(reply, 500, "internal_error", "internal_error");
    expect(reply.text).not.toMatch(/sk_/);
    expect((await listKeys(emulator, saId)).map((k) => k.name)).toEqual(["ghost"]);
  });

  it.each([
    ["drop", { kind: "drop", after: true }],
    ["hang", { kind: "hang", after: true }],
    ["malformed", { kind: "malformed", after: true }],
  ])("%s with after: true applies the change, then fails the answer", async (_label, fault) => {
    const saId = await createAccount(emulator);
    await addFault({ method: "POST", path: "/v1/service-accounts/*/api-keys", fault });
    const reply = call(emulator, "POST", `/v1/service-accounts/${saId}/api-keys`, {
      body: { name: "ghost", permissions: "all" },
      signal: AbortSignal.timeout(300),
    });
    // No readable answer: the connection cut, no answer in time, or a body that is not JSON.
    expect(
      await reply.then(
        (r) => r.body,
        () => undefined,
      ),
    ).toBeUndefined();
    expect((await listKeys(emulator, saId)).map((k) => k.name)).toEqual(["ghost"]);
  });

  it("hang never answers; the client's timeout fires and the server goes on", async () => {
    await addFault({ method: "GET", path: LIST, fault: { kind: "hang" } });
    const hung = call(emulator, "GET", LIST, { signal: AbortSignal.timeout(200) });
    await expect(hung).rejects.toMatchObject({ name: "TimeoutError" });
    expect((await call(emulator, "GET", LIST)).status).toBe(200);
  });

  it("close() returns promptly with a hung request and a latency in flight, and the latter never runs", async () => {
    const own = await start();
    await call(own, "POST", "/__emulator/faults", {
      body: { method: "GET", path: LIST, fault: { kind: "hang" } },
    });
    await call(own, "POST", "/__emulator/faults", {
      body: { method: "POST", path: LIST, fault: { kind: "latency", ms: 400 } },
    });
    // Outcomes are taken at once, so the rejections close() causes are never unhandled.
    const outcome = (p: Promise<Response>) =>
      p.then(
        (res) => res.status,
        (error: Error) => error,
      );
    const hung = outcome(fetch(own.url + LIST, { headers: { "xi-api-key": ADMIN_KEY } }));
    const slow = outcome(
      fetch(own.url + LIST, {
        method: "POST",
        headers: { "xi-api-key": ADMIN_KEY },
        body: new TextEncoder().encode('{"name":"s"}'),
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await hung).toBeInstanceOf(Error);
    expect(await slow).toBeInstanceOf(Error);
    // The request cut short by close() does not run once its latency is over.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(own.store.serviceAccounts.size).toBe(0);
  });

  it("drop cuts the connection without an answer", async () => {
    await addFault({ method: "GET", path: LIST, fault: { kind: "drop" } });
    await expect(call(emulator, "GET", LIST)).rejects.toThrow(/fetch failed/);
    expect((await call(emulator, "GET", LIST)).status).toBe(200);
  });

  it("malformed answers 200 with a body that is not JSON", async () => {
    await addFault({ method: "GET", path: LIST, fault: { kind: "malformed" } });
    const res = await fetch(emulator.url + LIST, { headers: { "xi-api-key": ADMIN_KEY } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it("can be listed and cleared; a bad rule is a 400", async () => {
    const added = await addFault({
      method: "DELETE",
      path: "/v1/service-accounts/*/api-keys/*",
      count: 3,
      fault: { kind: "drop" },
    });
    expect(added.body.fault).toMatchObject({ method: "DELETE", remaining: 3, fault: { kind: "drop" } });
    expect((await call(emulator, "GET", "/__emulator/faults")).body.faults).toHaveLength(1);
    expect((await call(emulator, "DELETE", "/__emulator/faults")).body).toEqual({ cleared: true });
    expect((await call(emulator, "GET", "/__emulator/faults")).body).toEqual({ faults: [] });
    expect((await addFault({ method: "GET", path: LIST, fault: { kind: "explode" } })).status).toBe(400);
    expect((await addFault({ method: "GET", path: "no-slash", fault: { kind: "drop" } })).status).toBe(400);
  });
});
