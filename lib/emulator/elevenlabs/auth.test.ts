// API.md §5 and the auth ladder of §8: no key, unknown or disabled key, IP outside the allowlist,
// a key without the scope, then unknown resources.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { call, createAccount, createKey, expectError, getKey, start } from "@/tests/support/emulator-calls";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const NEEDS_AUTH = "Neither authorization header nor xi-api-key received, please provide one.";
const MISSING_PERMISSION = /^The API key you used is missing the permission \S+ to execute this operation\.$/;

/** One request to each of the six endpoints (ids need not exist: auth comes first). */
const ENDPOINTS: [string, string, unknown?][] = [
  ["GET", "/v1/service-accounts"],
  ["POST", "/v1/service-accounts", { name: "x" }],
  ["GET", "/v1/service-accounts/sa_nope/api-keys"],
  ["POST", "/v1/service-accounts/sa_nope/api-keys", { name: "x", permissions: "all" }],
  ["PATCH", "/v1/service-accounts/sa_nope/api-keys/k_nope", {}],
  ["DELETE", "/v1/service-accounts/sa_nope/api-keys/k_nope"],
];

describe("missing or unknown key", () => {
  it.each(ENDPOINTS)("%s %s without xi-api-key is 401 needs_authorization", async (method, path, body) => {
    const reply = await call(emulator, method, path, { key: null, body });
    expectError(reply, 401, "needs_authorization", "authentication_error", NEEDS_AUTH);
  });

  it.each(ENDPOINTS)("%s %s with an unknown key is 401 invalid_api_key", async (method, path, body) => {
    const reply = await call(emulator, method, path, { key: "sk_" + "0".repeat(48), body });
    expectError(reply, 401, "invalid_api_key", "authentication_error", "Invalid API key");
  });

  it("an empty xi-api-key counts as none", async () => {
    const reply = await call(emulator, "GET", "/v1/service-accounts", { key: "" });
    expectError(reply, 401, "needs_authorization", "authentication_error", NEEDS_AUTH);
  });

  it("the admin key is the only one that manages service accounts", async () => {
    const reply = await call(emulator, "GET", "/v1/service-accounts");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ "service-accounts": [] });
  });

  it("auth is checked before the ids: an unknown account is 401 without a key, 404 with the admin key", async () => {
    const path = "/v1/service-accounts/sa_nope/api-keys";
    expect((await call(emulator, "GET", path, { key: null })).status).toBe(401);
    expectError(await call(emulator, "GET", path), 404, "not_found", "not_found");
  });
});

describe("a service account's own key", () => {
  it("has the documented format, hint and hash", async () => {
    const saId = await createAccount(emulator);
    const { secret, keyId } = await createKey(emulator, saId);
    expect(secret).toMatch(/^sk_[0-9a-f]{48}$/);
    const key = await getKey(emulator, saId, keyId);
    expect(key.hint).toBe(secret.slice(-4));
    expect(key.hashed_xi_api_key).toBe(createHash("sha256").update(secret).digest("hex"));
  });

  it.each(ENDPOINTS)("%s %s with it is 401 missing_permissions (not 403)", async (method, path, body) => {
    const saId = await createAccount(emulator);
    // Even a key with every permission, service_account_write included, may not manage service accounts.
    const { secret } = await createKey(emulator, saId, { permissions: "all" });
    const reply = await call(emulator, method, path, { key: secret, body });
    expectError(reply, 401, "missing_permissions", "authentication_error", MISSING_PERMISSION);
  });

  it("is 401 invalid_api_key once disabled, and missing_permissions again once re-enabled", async () => {
    const saId = await createAccount(emulator);
    const { secret, keyId } = await createKey(emulator, saId);
    const path = `/v1/service-accounts/${saId}/api-keys/${keyId}`;
    expect((await call(emulator, "PATCH", path, { body: { is_enabled: false } })).status).toBe(200);
    expectError(
      await call(emulator, "GET", "/v1/service-accounts", { key: secret }),
      401,
      "invalid_api_key",
      "authentication_error",
    );
    expect((await call(emulator, "PATCH", path, { body: { is_enabled: true } })).status).toBe(200);
    expectError(
      await call(emulator, "GET", "/v1/service-accounts", { key: secret }),
      401,
      "missing_permissions",
      "authentication_error",
    );
  });

  it("is 401 invalid_api_key once deleted", async () => {
    const saId = await createAccount(emulator);
    const { secret, keyId } = await createKey(emulator, saId);
    expect((await call(emulator, "DELETE", `/v1/service-accounts/${saId}/api-keys/${keyId}`)).status).toBe(
      200,
    );
    expectError(
      await call(emulator, "GET", "/v1/service-accounts", { key: secret }),
      401,
      "invalid_api_key",
      "authentication_error",
      "Invalid API key",
    );
  });
});

describe("IP allowlists (X-Forwarded-For speaks for the caller when control is on)", () => {
  it("a caller outside the allowlist gets 403, inside it 401 missing_permissions", async () => {
    const saId = await createAccount(emulator);
    const { secret } = await createKey(emulator, saId, {
      allowed_ips: ["203.0.113.0/24", "2001:db8:abcd::/48"],
    });
    const as = (ip: string) =>
      call(emulator, "GET", "/v1/service-accounts", { key: secret, headers: { "x-forwarded-for": ip } });

    expectError(await as("198.51.100.1"), 403, "ip_not_allowed", "authorization_error");
    expectError(await as("2001:db8:ffff::1"), 403, "ip_not_allowed", "authorization_error");
    expectError(await as("203.0.113.77"), 401, "missing_permissions", "authentication_error");
    expectError(await as("2001:db8:abcd:12::5"), 401, "missing_permissions", "authentication_error");
    // The first address of the header is the client.
    expectError(await as("203.0.113.9, 10.0.0.1"), 401, "missing_permissions", "authentication_error");
    // Without the header the caller is the loopback address, outside the list.
    expectError(
      await call(emulator, "GET", "/v1/service-accounts", { key: secret }),
      403,
      "ip_not_allowed",
      "authorization_error",
    );
  });

  it("an IPv4-mapped caller is the IPv4 caller it carries; a scope id plays no part", async () => {
    const saId = await createAccount(emulator);
    const { secret } = await createKey(emulator, saId, { allowed_ips: ["203.0.113.0/24", "fe80::/64"] });
    const as = (ip: string) =>
      call(emulator, "GET", "/v1/service-accounts", { key: secret, headers: { "x-forwarded-for": ip } });

    expectError(await as("::ffff:203.0.113.9"), 401, "missing_permissions", "authentication_error");
    expectError(await as("::ffff:cb00:7109"), 401, "missing_permissions", "authentication_error");
    expectError(await as("::ffff:198.51.100.1"), 403, "ip_not_allowed", "authorization_error");
    expectError(await as("fe80::1%eth0"), 401, "missing_permissions", "authentication_error");
    expectError(await as("fe81::1%eth0"), 403, "ip_not_allowed", "authorization_error");
  });

  it("an allowlist holding the loopback address lets the test runner through to the scope check", async () => {
    const saId = await createAccount(emulator);
    const { secret } = await createKey(emulator, saId, { allowed_ips: ["127.0.0.1"] });
    expectError(
      await call(emulator, "GET", "/v1/service-accounts", { key: secret }),
      401,
      "missing_permissions",
      "authentication_error",
    );
  });

  it("a disabled key is 401 invalid_api_key even from outside its allowlist (step 2 before step 3)", async () => {
    const saId = await createAccount(emulator);
    const { secret, keyId } = await createKey(emulator, saId, { allowed_ips: ["203.0.113.0/24"] });
    await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      body: { is_enabled: false },
    });
    const reply = await call(emulator, "GET", "/v1/service-accounts", {
      key: secret,
      headers: { "x-forwarded-for": "198.51.100.1" },
    });
    expectError(reply, 401, "invalid_api_key", "authentication_error");
  });

  it("a new allowlist takes effect at once, and 'clear' lifts it", async () => {
    const saId = await createAccount(emulator);
    const { secret, keyId } = await createKey(emulator, saId);
    const path = `/v1/service-accounts/${saId}/api-keys/${keyId}`;
    await call(emulator, "PATCH", path, { body: { allowed_ips: ["10.0.0.0/8"] } });
    expect((await call(emulator, "GET", "/v1/service-accounts", { key: secret })).status).toBe(403);
    await call(emulator, "PATCH", path, { body: { allowed_ips: "clear" } });
    expect((await call(emulator, "GET", "/v1/service-accounts", { key: secret })).status).toBe(401);
  });
});
