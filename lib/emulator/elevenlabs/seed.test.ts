// The seeds, read back over the wire: the demo workspace covers every case the console draws; the
// bulk one scales to 200 x 50 = 10,000 keys; both are repeatable.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { call, KEY_FIELDS, SERVICE_ACCOUNT_FIELDS, sorted, start } from "@/tests/support/emulator-calls";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start({ seed: "demo" });
});
beforeEach(() => emulator.reset("demo"));
afterAll(() => emulator.close());

interface WireKey {
  key_id: string;
  name: string;
  hint: string;
  hashed_xi_api_key: string;
  service_account_user_id: string;
  is_disabled: boolean;
  permissions: string[] | null;
  character_limit: number | null;
  character_count: number | null;
  allowed_ips: string[] | null;
}

async function workspace() {
  const reply = await call(emulator, "GET", "/v1/service-accounts");
  expect(reply.status).toBe(200);
  const accounts = reply.body["service-accounts"] as {
    service_account_user_id: string;
    "api-keys": WireKey[];
  }[];
  return { accounts, keys: accounts.flatMap((a) => a["api-keys"]) };
}

describe("demo seed", () => {
  let accounts: Awaited<ReturnType<typeof workspace>>["accounts"];
  let keys: WireKey[];
  beforeAll(async () => {
    emulator.reset("demo");
    ({ accounts, keys } = await workspace());
  });

  it("has at least 5 service accounts and 20 keys, all in full wire shape", () => {
    expect(accounts.length).toBeGreaterThanOrEqual(5);
    expect(keys.length).toBeGreaterThanOrEqual(20);
    for (const account of accounts) {
      expect(sorted(account)).toEqual(SERVICE_ACCOUNT_FIELDS);
      for (const key of account["api-keys"])
        expect(key.service_account_user_id).toBe(account.service_account_user_id);
    }
    for (const key of keys) {
      expect(sorted(key)).toEqual(KEY_FIELDS);
      expect(key.hint).toMatch(/^[0-9a-f]{4}$/);
      expect(key.hashed_xi_api_key).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(keys.map((k) => k.key_id)).size).toBe(keys.length);
  });

  it("covers unrestricted, narrow, read-only and empty permissions", () => {
    expect(keys.some((k) => k.permissions === null)).toBe(true);
    expect(keys.some((k) => k.permissions?.length === 1)).toBe(true);
    expect(
      keys.some(
        (k) =>
          k.permissions !== null &&
          k.permissions.length > 0 &&
          k.permissions.every((p) => p.endsWith("_read")),
      ),
    ).toBe(true);
    expect(keys.some((k) => Array.isArray(k.permissions) && k.permissions.length === 0)).toBe(true);
  });

  it("covers enabled and disabled keys", () => {
    expect(keys.some((k) => k.is_disabled)).toBe(true);
    expect(keys.some((k) => !k.is_disabled)).toBe(true);
  });

  it("covers no cap, a cap near (>= 80%) and a cap reached", () => {
    const ratio = (k: WireKey) => (k.character_count ?? 0) / (k.character_limit as number);
    const capped = keys.filter((k) => k.character_limit !== null && k.character_limit > 0);
    expect(keys.some((k) => k.character_limit === null)).toBe(true);
    expect(capped.some((k) => ratio(k) >= 0.8 && ratio(k) < 1)).toBe(true);
    expect(capped.some((k) => ratio(k) >= 1)).toBe(true);
  });

  it("covers keys with and without allowlists, IPv6 included, all normalised", () => {
    const listed = keys.filter((k) => k.allowed_ips !== null);
    expect(listed.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.allowed_ips === null)).toBe(true);
    expect(listed.some((k) => k.allowed_ips!.some((ip) => ip.includes(":")))).toBe(true);
    for (const ip of listed.flatMap((k) => k.allowed_ips!)) expect(ip).toMatch(/\/\d+$/);
  });

  it("has an account with no keys", () => {
    expect(accounts.some((a) => a["api-keys"].length === 0)).toBe(true);
  });

  it("is the same every time (ids, hints and hashes)", async () => {
    const identity = (k: WireKey) => [
      k.service_account_user_id,
      k.key_id,
      k.hint,
      k.hashed_xi_api_key,
      k.name,
    ];
    emulator.reset("empty");
    emulator.reset("demo");
    expect((await workspace()).keys.map(identity)).toEqual(keys.map(identity));
  });
});

describe("bulk seed", () => {
  it("200 x 50 = 10,000 keys, and GET /v1/service-accounts returns them all", async () => {
    const reset = await call(emulator, "POST", "/__emulator/reset", {
      body: { seed: { serviceAccounts: 200, keysPerAccount: 50 } },
    });
    expect(reset.body).toEqual({ serviceAccounts: 200, keys: 10_000 });
    const { accounts, keys } = await workspace();
    expect(accounts).toHaveLength(200);
    for (const account of accounts) expect(account["api-keys"]).toHaveLength(50);
    expect(keys).toHaveLength(10_000);
    expect(new Set(keys.map((k) => k.key_id)).size).toBe(10_000);
    expect(new Set(accounts.map((a) => a.service_account_user_id)).size).toBe(200);
    for (const key of keys) expect(sorted(key)).toEqual(KEY_FIELDS);
    // A mix, not 10,000 copies of one shape.
    expect(keys.some((k) => k.permissions === null)).toBe(true);
    expect(keys.some((k) => k.is_disabled)).toBe(true);
    expect(keys.some((k) => k.allowed_ips !== null)).toBe(true);
    expect(keys.some((k) => k.character_limit === null)).toBe(true);
  });

  it("a bulk account's keys list on their own too", async () => {
    emulator.reset({ serviceAccounts: 2, keysPerAccount: 3 });
    const { accounts } = await workspace();
    const reply = await call(
      emulator,
      "GET",
      `/v1/service-accounts/${accounts[1]!.service_account_user_id}/api-keys`,
    );
    expect(reply.body["api-keys"]).toEqual(accounts[1]!["api-keys"]);
  });

  it("the empty seed is empty", async () => {
    emulator.reset("empty");
    expect((await call(emulator, "GET", "/v1/service-accounts")).body).toEqual({ "service-accounts": [] });
  });
});
