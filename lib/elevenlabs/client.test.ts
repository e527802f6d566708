// The upstream client against a real emulator over HTTP, with faults injected at the emulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import type { Fault } from "@/lib/emulator/elevenlabs/faults";
import { createUpstream, type Upstream } from "./client";
import { UpstreamError } from "./errors";

const ADMIN_KEY = "adm_client_tests_0123456789";
const SA_LIST = "/v1/service-accounts";
let emulator: Emulator;
let upstream: Upstream;

beforeAll(async () => {
  emulator = await startEmulator({ adminKeys: [ADMIN_KEY], seed: "empty", control: true });
  upstream = createUpstream({
    baseUrl: emulator.url,
    apiKey: ADMIN_KEY,
    timeoutMs: 500,
    retryPolicy: { retries: 2, baseDelayMs: 10, maxRetryAfterMs: 5_000 },
  });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset("empty"));

function inject(method: string, path: string, fault: Fault, count = 1) {
  emulator.faults.add({ method, path, remaining: count, fault });
}
const requestsTo = (method: string, path: string) =>
  emulator.log.list().filter((r) => r.method === method && r.path === path);
/** The error a call fails with; a call that succeeds fails the test. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    (value) => expect.unreachable(`expected a failure, got ${JSON.stringify(value)}`),
    (e: unknown) => e as UpstreamError,
  );

async function account() {
  const { id } = await upstream.createServiceAccount("Client tests");
  emulator.log.clear();
  return id;
}

describe("reading", () => {
  it("returns domain types, never wire shapes", async () => {
    emulator.reset("demo");
    const accounts = await upstream.listServiceAccounts();
    expect(accounts.length).toBeGreaterThanOrEqual(5);
    const key = accounts.flatMap((a) => a.keys).find((k) => k.name === "prod-tts-primary")!;
    expect(key).toEqual({
      id: expect.any(String),
      serviceAccountId: accounts[0]!.id,
      name: "prod-tts-primary",
      hint: expect.stringMatching(/^[0-9a-f]{4}$/),
      hashedSecret: expect.stringMatching(/^[0-9a-f]{64}$/),
      enabled: true,
      disableReason: null,
      permissions: ["text_to_speech", "models_read", "voices_read"],
      unknownPermissions: [],
      characterLimit: 5_000_000,
      characterCount: 4_350_000,
      allowedIps: ["203.0.113.0/24", "198.51.100.7/32"],
      thirdPartyDisableAllowed: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const legacy = accounts.flatMap((a) => a.keys).find((k) => k.name === "prod-tts-legacy")!;
    expect(legacy).toMatchObject({ permissions: "all", enabled: false, disableReason: "exposed_publicly" });
  });

  it("waits out a 429's Retry-After once, then succeeds", async () => {
    inject("GET", SA_LIST, { kind: "status", status: 429, retryAfter: 1 });
    const started = Date.now();
    await expect(upstream.listServiceAccounts()).resolves.toEqual([]);
    expect(requestsTo("GET", SA_LIST).map((r) => r.status)).toEqual([429, 200]);
    // Honouring Retry-After is behaviour, not speed: the retry came no sooner than it allowed.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("retries two 503s and succeeds on the third attempt", async () => {
    inject("GET", SA_LIST, { kind: "status", status: 503 }, 2);
    await expect(upstream.listServiceAccounts()).resolves.toEqual([]);
    expect(requestsTo("GET", SA_LIST).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("gives up after three attempts with an 'unavailable' error carrying the request id", async () => {
    inject("GET", SA_LIST, { kind: "status", status: 503 }, 3);
    const error = await failure(upstream.listServiceAccounts());
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: "unavailable", upstreamStatus: 503 });
    expect(error.requestId).toBe(requestsTo("GET", SA_LIST).at(-1)!.requestId);
    expect(requestsTo("GET", SA_LIST)).toHaveLength(3);
  });

  it("does not wait out a Retry-After longer than its patience, and says when to retry", async () => {
    inject("GET", SA_LIST, { kind: "status", status: 429, retryAfter: 120 });
    const error = await failure(upstream.listServiceAccounts());
    expect(error).toMatchObject({ kind: "rate_limited", upstreamStatus: 429, retryAfterSeconds: 120 });
    // One sentence, with the wait in it once.
    expect(error.message).toBe("ElevenLabs is limiting Keydesk's requests. Try again in 2 minutes.");
    expect(requestsTo("GET", SA_LIST)).toHaveLength(1);
  });

  it("times out a hung request with a 'timeout' error and does not pile on retries", async () => {
    inject("GET", SA_LIST, { kind: "hang" });
    const error = await failure(upstream.listServiceAccounts());
    expect(error).toMatchObject({ kind: "timeout" });
    expect(error.message).toBe("ElevenLabs did not answer in time.");
    expect(requestsTo("GET", SA_LIST)).toHaveLength(1);
  });

  it("retries a dropped connection on a read", async () => {
    inject("GET", SA_LIST, { kind: "drop" });
    await expect(upstream.listServiceAccounts()).resolves.toEqual([]);
    expect(requestsTo("GET", SA_LIST)).toHaveLength(2);
  });

  it("reports a malformed body as 'bad_response' without retrying", async () => {
    inject("GET", SA_LIST, { kind: "malformed" });
    const error = await failure(upstream.listServiceAccounts());
    expect(error).toMatchObject({ kind: "bad_response" });
    expect(requestsTo("GET", SA_LIST)).toHaveLength(1);
  });

  // A list whose JSON parses but is not the shape ElevenLabs documents: a clear bad_response, never
  // a crash or a half-read list, and not retried (asking again gets the same answer).
  const key = (over: Record<string, unknown> = {}) => ({
    key_id: "k1",
    service_account_user_id: "sa1",
    name: "a key",
    hint: "ab12",
    hashed_xi_api_key: "0".repeat(64),
    ...over,
  });
  const accountWith = (keys: unknown, over: Record<string, unknown> = {}) => ({
    service_account_user_id: "sa1",
    name: "an account",
    "api-keys": keys,
    ...over,
  });
  const keyWithoutId: Record<string, unknown> = key();
  delete keyWithoutId.key_id;
  const badLists: [string, unknown][] = [
    ["not an object", [1, 2]],
    ["null", null],
    ["no list", {}],
    ["a list that is not a list", { "service-accounts": { a: 1 } }],
    ["an account that is not an object", { "service-accounts": ["sa1"] }],
    ["an account without its keys", { "service-accounts": [accountWith(undefined)] }],
    [
      "an account id that is a number",
      { "service-accounts": [accountWith([], { service_account_user_id: 7 })] },
    ],
    ["a key without its id", { "service-accounts": [accountWith([keyWithoutId])] }],
    ["a key name that is not text", { "service-accounts": [accountWith([key({ name: 12 })])] }],
    [
      "a permission that is not text",
      { "service-accounts": [accountWith([key({ permissions: ["x", 3] })])] },
    ],
    [
      "allowed IPs that are not a list",
      { "service-accounts": [accountWith([key({ allowed_ips: "1.2.3.4" })])] },
    ],
    ["a limit that is text", { "service-accounts": [accountWith([key({ character_limit: "100" })])] }],
    ["a disabled flag that is text", { "service-accounts": [accountWith([key({ is_disabled: "yes" })])] }],
    ["a creation time that is text", { "service-accounts": [accountWith([key({ created_at_unix: "1" })])] }],
  ];
  it.each(badLists)(
    "reports a list of the wrong shape (%s) as 'bad_response' without retrying",
    async (_, body) => {
      inject("GET", SA_LIST, { kind: "status", status: 200, body });
      const error = await failure(upstream.listServiceAccounts());
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ kind: "bad_response" });
      expect(error.message).toBe("ElevenLabs answered with a response Keydesk could not read.");
      expect(requestsTo("GET", SA_LIST)).toHaveLength(1);
    },
  );

  it("reports one account's key list of the wrong shape as 'bad_response'", async () => {
    const saId = await account();
    const path = `${SA_LIST}/${saId}/api-keys`;
    for (const body of [{}, { "api-keys": [key({ hint: null })] }, { "api-keys": [7] }]) {
      inject("GET", path, { kind: "status", status: 200, body });
      await expect(failure(upstream.listKeys(saId))).resolves.toMatchObject({ kind: "bad_response" });
    }
    inject("GET", path, { kind: "malformed" });
    await expect(failure(upstream.listKeys(saId))).resolves.toMatchObject({ kind: "bad_response" });
  });

  it("reads what the documented shape leaves open: nulls, absent fields, unknown names and fields", async () => {
    const body = {
      "service-accounts": [
        accountWith(
          [
            key({ permissions: null, is_disabled: null, character_limit: null, allowed_ips: null }),
            key({
              key_id: "k2",
              permissions: ["text_to_speech", "a_future_permission"],
              is_disabled: true,
              disable_reason: "a_future_reason",
              character_limit: 10,
              character_count: 3,
              allowed_ips: ["10.0.0.0/8"],
              third_party_disable_allowed: false,
              created_at_unix: 1_700_000_000,
              platform_limits: { anything: 1 },
              a_future_field: "ignored",
            }),
          ],
          { created_at_unix: null, default_sharing_groups: [], another_future_field: {} },
        ),
      ],
    };
    inject("GET", SA_LIST, { kind: "status", status: 200, body });
    expect(await upstream.listServiceAccounts()).toEqual([
      {
        id: "sa1",
        name: "an account",
        createdAt: null,
        keys: [
          {
            id: "k1",
            serviceAccountId: "sa1",
            name: "a key",
            hint: "ab12",
            hashedSecret: "0".repeat(64),
            enabled: true,
            disableReason: null,
            permissions: "all",
            unknownPermissions: [],
            characterLimit: null,
            characterCount: null,
            allowedIps: null,
            thirdPartyDisableAllowed: null,
            createdAt: null,
          },
          {
            id: "k2",
            serviceAccountId: "sa1",
            name: "a key",
            hint: "ab12",
            hashedSecret: "0".repeat(64),
            enabled: false,
            disableReason: "a_future_reason",
            permissions: ["text_to_speech"],
            unknownPermissions: ["a_future_permission"],
            characterLimit: 10,
            characterCount: 3,
            allowedIps: ["10.0.0.0/8"],
            thirdPartyDisableAllowed: false,
            createdAt: "2023-11-14T22:13:20.000Z",
          },
        ],
      },
    ]);
  });

  it("finds one key by reading the list, and says not_found for a missing one", async () => {
    const saId = await account();
    const { keyId } = await upstream.createKey(saId, { name: "one", permissions: ["text_to_speech"] });
    await expect(upstream.getKey(saId, keyId)).resolves.toMatchObject({ id: keyId, name: "one" });
    await expect(failure(upstream.getKey(saId, "nope"))).resolves.toMatchObject({ kind: "not_found" });
  });
});

describe("writing", () => {
  it("never retries a create: a 500 after the key was made leaves exactly one key", async () => {
    const saId = await account();
    const path = `/v1/service-accounts/${saId}/api-keys`;
    inject("POST", path, { kind: "status", status: 500, after: true });
    const error = await failure(upstream.createKey(saId, { name: "once", permissions: "all" }));
    expect(error).toMatchObject({ kind: "unavailable", upstreamStatus: 500 });
    expect(requestsTo("POST", path)).toHaveLength(1);
    expect((await upstream.listKeys(saId)).map((k) => k.name)).toEqual(["once"]);
  });

  it("reports a 500 on create as a failure with no key made and one request sent", async () => {
    const saId = await account();
    const path = `/v1/service-accounts/${saId}/api-keys`;
    inject("POST", path, { kind: "status", status: 500 });
    await expect(failure(upstream.createKey(saId, { name: "x", permissions: "all" }))).resolves.toMatchObject(
      { kind: "unavailable" },
    );
    expect(requestsTo("POST", path)).toHaveLength(1);
    expect(await upstream.listKeys(saId)).toEqual([]);
  });

  it("does not retry a create on a dropped connection", async () => {
    const saId = await account();
    const path = `/v1/service-accounts/${saId}/api-keys`;
    inject("POST", path, { kind: "drop" });
    await expect(failure(upstream.createKey(saId, { name: "x", permissions: "all" }))).resolves.toMatchObject(
      { kind: "unavailable" },
    );
    expect(requestsTo("POST", path)).toHaveLength(1);
  });

  it("creates a key with a limit and an allowlist and returns its secret once", async () => {
    const saId = await account();
    const created = await upstream.createKey(saId, {
      name: "full",
      permissions: ["dubbing_read"],
      characterLimit: 10_000,
      allowedIps: ["10.1.2.3"],
    });
    expect(created.secret).toMatch(/^sk_[0-9a-f]{48}$/);
    const key = await upstream.getKey(saId, created.keyId);
    expect(key).toMatchObject({
      permissions: ["dubbing_read"],
      characterLimit: 10_000,
      allowedIps: ["10.1.2.3/32"],
      hint: created.secret.slice(-4),
    });
    expect(JSON.stringify(key)).not.toContain(created.secret);
  });

  it('sends only the fields being changed, and null as "clear"', async () => {
    const saId = await account();
    const { keyId } = await upstream.createKey(saId, {
      name: "k",
      permissions: "all",
      characterLimit: 100,
      allowedIps: ["10.0.0.1"],
    });
    const path = `/v1/service-accounts/${saId}/api-keys/${keyId}`;
    await upstream.updateKey(saId, keyId, { characterLimit: 5000 });
    await upstream.updateKey(saId, keyId, { allowedIps: null, enabled: false });
    await upstream.updateKey(saId, keyId, { characterLimit: null });
    expect(requestsTo("PATCH", path).map((r) => r.body)).toEqual([
      { character_limit: 5000 },
      { is_enabled: false, allowed_ips: "clear" },
      { character_limit: "clear" },
    ]);
    expect(await upstream.getKey(saId, keyId)).toMatchObject({
      characterLimit: null,
      allowedIps: null,
      enabled: false,
    });
  });

  it("deletes a key", async () => {
    const saId = await account();
    const { keyId } = await upstream.createKey(saId, { name: "k", permissions: "all" });
    await upstream.deleteKey(saId, keyId);
    expect(await upstream.listKeys(saId)).toEqual([]);
    await expect(failure(upstream.deleteKey(saId, keyId))).resolves.toMatchObject({
      kind: "not_found",
      upstreamStatus: 404,
    });
  });
});

describe("error mapping", () => {
  it("names a refused field in Keydesk's terms", async () => {
    const saId = await account();
    const error = await failure(
      upstream.createKey(saId, {
        name: "k",
        permissions: "all",
        allowedIps: ["10.0.0.1", "10.0.0.2", "bad"],
      }),
    );
    expect(error).toMatchObject({ kind: "validation", upstreamStatus: 422, field: ["allowedIps", 2] });
  });

  it("tells a bad admin key from one that lacks rights, and never repeats the key", async () => {
    const wrongKey = "adm_wrong_key_do_not_print";
    const bad = createUpstream({ baseUrl: emulator.url, apiKey: wrongKey, timeoutMs: 500 });
    const error = await failure(bad.listServiceAccounts());
    expect(error).toMatchObject({ kind: "bad_admin_key", upstreamStatus: 401 });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(wrongKey);

    const saId = await account();
    const { secret } = await upstream.createKey(saId, { name: "k", permissions: "all" });
    const serviceKey = createUpstream({ baseUrl: emulator.url, apiKey: secret, timeoutMs: 500 });
    const rights = await failure(serviceKey.listServiceAccounts());
    expect(rights).toMatchObject({ kind: "missing_rights", upstreamStatus: 401 });
    expect(rights.message).not.toContain(secret);
  });

  it("reports the service-account limit as a refusal with the upstream's reason", async () => {
    const limited = await startEmulator({ adminKeys: [ADMIN_KEY], seed: "empty", maxServiceAccounts: 1 });
    try {
      const client = createUpstream({ baseUrl: limited.url, apiKey: ADMIN_KEY, timeoutMs: 500 });
      await client.createServiceAccount("first");
      const error = await failure(client.createServiceAccount("second"));
      expect(error).toMatchObject({ kind: "rejected", upstreamStatus: 400 });
      expect(error.message).toMatch(/maximum of 1 service accounts/);
    } finally {
      await limited.close();
    }
  });
});

describe("hardening", () => {
  it("never follows a redirect, so the admin key cannot be sent elsewhere", async () => {
    const { createServer } = await import("node:http");
    const seen: (string | undefined)[] = [];
    const elsewhere = createServer((req, res) => {
      seen.push(req.headers["xi-api-key"] as string | undefined);
      res.end("{}");
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    const elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}`;
    const redirector = createServer((_req, res) => {
      res.writeHead(307, { location: `${elsewhereUrl}/v1/service-accounts` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
    try {
      const port = (redirector.address() as { port: number }).port;
      const client = createUpstream({
        baseUrl: `http://127.0.0.1:${port}`,
        apiKey: ADMIN_KEY,
        timeoutMs: 500,
        retryPolicy: { retries: 0, baseDelayMs: 1, maxRetryAfterMs: 0 },
      });
      await expect(failure(client.listServiceAccounts())).resolves.toMatchObject({ kind: "unavailable" });
      expect(seen).toEqual([]);
    } finally {
      redirector.close();
      elsewhere.close();
    }
  });
});

describe("reads in flight are shared", () => {
  it("makes one upstream call for identical reads made at the same time", async () => {
    const id = await account();
    inject("GET", SA_LIST, { kind: "latency", ms: 150 });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => upstream.listServiceAccounts()));
    expect(requestsTo("GET", SA_LIST)).toHaveLength(1);
    for (const answer of answers) expect(answer.map((sa) => sa.id)).toEqual([id]);
    inject("GET", `${SA_LIST}/${id}/api-keys`, { kind: "latency", ms: 150 });
    await Promise.all([
      upstream.listKeys(id),
      upstream.listKeys(id),
      upstream.getKey(id, "nope").catch(() => null),
    ]);
    expect(requestsTo("GET", `${SA_LIST}/${id}/api-keys`)).toHaveLength(1);
  });

  it("never answers a read that began after a write with what was read before it", async () => {
    const id = await account();
    inject("GET", `${SA_LIST}/${id}/api-keys`, { kind: "latency", ms: 200 });
    const before = upstream.listKeys(id); // in flight while the key is created
    const created = await upstream.createKey(id, { name: "made meanwhile", permissions: "all" });
    const after = await upstream.listKeys(id);
    expect(after.map((k) => k.id)).toContain(created.keyId);
    await before;
    expect(requestsTo("GET", `${SA_LIST}/${id}/api-keys`)).toHaveLength(2);
  });

  it("does not keep a finished read: the next one asks again", async () => {
    const id = await account();
    await upstream.listKeys(id);
    await upstream.listKeys(id);
    expect(requestsTo("GET", `${SA_LIST}/${id}/api-keys`)).toHaveLength(2);
  });

  it("shares a failure only with the reads that joined it", async () => {
    await account();
    inject("GET", SA_LIST, { kind: "status", status: 404 });
    const results = await Promise.allSettled([
      upstream.listServiceAccounts(),
      upstream.listServiceAccounts(),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    await expect(upstream.listServiceAccounts()).resolves.toHaveLength(1);
  });
});

describe("metrics", () => {
  it("count each call once (retries inside), by operation and outcome, and its errors by kind", async () => {
    const { metrics } = await import("@/lib/log/metrics");
    const value = async (name: string, labels: Record<string, string>) =>
      (await metrics().registry.getSingleMetric(name)!.get()).values.find((v) =>
        Object.entries(labels).every(([k, l]) => v.labels[k] === l),
      )?.value ?? 0;
    const before = {
      ok: await value("keydesk_upstream_calls_total", { operation: "list_service_accounts", outcome: "ok" }),
      failed: await value("keydesk_upstream_errors_total", {
        operation: "list_service_accounts",
        kind: "unavailable",
      }),
    };
    inject("GET", SA_LIST, { kind: "status", status: 503 }, 3);
    await failure(upstream.listServiceAccounts());
    await upstream.listServiceAccounts();
    expect(
      await value("keydesk_upstream_calls_total", { operation: "list_service_accounts", outcome: "ok" }),
    ).toBe(before.ok + 1);
    expect(
      await value("keydesk_upstream_errors_total", {
        operation: "list_service_accounts",
        kind: "unavailable",
      }),
    ).toBe(before.failed + 1);
  });
});
