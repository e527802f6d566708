// The keys API straight over HTTP: bad input is a 422 naming the field and why, and sends nothing
// to ElevenLabs; the contract the pages rely on (201 + secret once, no-store, 409 with the current
// key, rotation pairing); and what support may and may not change.
import type { APIRequestContext } from "@playwright/test";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });

type WireAccount = {
  service_account_user_id: string;
  name: string;
  "api-keys": { key_id: string; name: string }[];
};

/** A demo service account and one of its keys, found through the emulator's own admin API. */
async function demoKey(keyName = "ci-smoke-tests") {
  const { "service-accounts": accounts } = await emulator.admin<{ "service-accounts": WireAccount[] }>(
    "GET",
    "/v1/service-accounts",
  );
  const account = accounts.find((a) => a["api-keys"].some((k) => k.name === keyName))!;
  return {
    saId: account.service_account_user_id,
    keyId: account["api-keys"].find((k) => k.name === keyName)!.key_id,
  };
}

/** Runs `call` and returns what it sent upstream (the emulator's request log, from before to after). */
async function upstreamDuring(call: () => Promise<void>) {
  const before = (await emulator.requests()).length;
  await call();
  return (await emulator.requests()).slice(before).filter((r) => !r.path.startsWith("/__emulator"));
}

async function expect422(
  api: APIRequestContext,
  method: string,
  url: string,
  data: unknown,
  path: (string | number)[],
  message: string | RegExp,
) {
  const res = await api.fetch(
    url,
    data === undefined ? { method, headers: { "content-type": "application/json" } } : { method, data },
  );
  const text = await res.text();
  expect(res.status(), `${method} ${url} ${JSON.stringify(data)?.slice(0, 80)}: ${text}`).toBe(422);
  const { error } = JSON.parse(text);
  expect(error.code).toBe("validation_failed");
  const field = (error.fields as { path: (string | number)[]; message: string }[]).find(
    (f) => JSON.stringify(f.path) === JSON.stringify(path),
  );
  expect(field, `no field ${JSON.stringify(path)} in ${text}`).toBeDefined();
  expect(field!.message).toMatch(message);
  expect(error.message).toContain(path.length ? path.join(".") : "");
}

const many = Array.from({ length: 101 }, (_, i) => `10.0.${Math.floor(i / 256)}.${i % 256}`);

const BAD_NEW_KEYS: [string, unknown, (string | number)[], string | RegExp][] = [
  ["an empty name", { name: "", permissions: "all" }, ["name"], "Enter a name"],
  ["a blank name", { name: "   ", permissions: "all" }, ["name"], "Enter a name"],
  [
    "a 300-character name",
    { name: "x".repeat(300), permissions: "all" },
    ["name"],
    "Use at most 100 characters",
  ],
  [
    "a negative limit",
    { name: "k", permissions: "all", characterLimit: -5 },
    ["characterLimit"],
    /positive number/,
  ],
  [
    "a fractional limit",
    { name: "k", permissions: "all", characterLimit: 2.5 },
    ["characterLimit"],
    "Use a whole number of characters",
  ],
  [
    "a limit as a string",
    { name: "k", permissions: "all", characterLimit: "100" },
    ["characterLimit"],
    "Enter a whole number of characters",
  ],
  [
    "an invalid CIDR",
    { name: "k", permissions: "all", allowedIps: ["10.0.0.1", "10.0.0.0/33"] },
    ["allowedIps", 1],
    /not an IPv4 or IPv6 address or CIDR range/,
  ],
  [
    "a duplicate CIDR",
    { name: "k", permissions: "all", allowedIps: ["10.0.0.0/24", "10.0.0.9/24"] },
    ["allowedIps", 1],
    "Same as entry 1 (10.0.0.0/24)",
  ],
  [
    "an empty allowlist",
    { name: "k", permissions: "all", allowedIps: [] },
    ["allowedIps"],
    /at least one address/,
  ],
  [
    "101 allowlist entries",
    { name: "k", permissions: "all", allowedIps: many },
    ["allowedIps"],
    "Use at most 100 entries",
  ],
  [
    "an unknown permission",
    { name: "k", permissions: ["text_to_speech", "launch_rockets"] },
    ["permissions", 1],
    'Unknown permission "launch_rockets"',
  ],
  [
    "a repeated permission",
    { name: "k", permissions: ["voices_read", "voices_read"] },
    ["permissions", 1],
    "voices_read is listed twice",
  ],
  [
    "permissions of the wrong type",
    { name: "k", permissions: 5 },
    ["permissions"],
    'Choose "all" or a list of permissions',
  ],
  ["a name of the wrong type", { name: 42, permissions: "all" }, ["name"], "Enter a name"],
  ["a missing name", { permissions: "all" }, ["name"], "Enter a name"],
  [
    "an extra field",
    { name: "k", permissions: "all", thirdPartyDisableAllowed: true },
    [],
    /Unrecognized key: "thirdPartyDisableAllowed"/,
  ],
  ["a body that is not an object", ["k"], [], /object/i],
  ["a missing body", undefined, [], "Required"],
];

test.describe("bad input is refused with the field and why, and nothing goes upstream", () => {
  test("creating a key", async ({ request }) => {
    const { saId } = await demoKey();
    const sent = await upstreamDuring(async () => {
      for (const [, body, path, message] of BAD_NEW_KEYS)
        await expect422(request, "POST", `/api/service-accounts/${saId}/keys`, body, path, message);
    });
    expect(sent).toEqual([]);
  });

  test("changing a key", async ({ request }) => {
    const { saId, keyId } = await demoKey();
    const url = `/api/service-accounts/${saId}/keys/${keyId}`;
    const sent = await upstreamDuring(async () => {
      await expect422(
        request,
        "PATCH",
        url,
        { characterLimit: -1, expected: { characterLimit: 10_000 } },
        ["characterLimit"],
        /positive number/,
      );
      await expect422(
        request,
        "PATCH",
        url,
        { name: "", expected: { name: "ci-smoke-tests" } },
        ["name"],
        "Enter a name",
      );
      await expect422(
        request,
        "PATCH",
        url,
        { allowedIps: many, expected: { allowedIps: null } },
        ["allowedIps"],
        "Use at most 100 entries",
      );
      await expect422(
        request,
        "PATCH",
        url,
        { enabled: "no", expected: { enabled: true } },
        ["enabled"],
        "Use true or false",
      );
      await expect422(request, "PATCH", url, { enabled: false }, ["expected"], /expected/i);
      await expect422(
        request,
        "PATCH",
        url,
        { enabled: false, expected: {} },
        ["expected", "enabled"],
        "Say what enabled was when the edit began",
      );
      await expect422(request, "PATCH", url, { expected: {} }, [], "Change at least one field");
      await expect422(
        request,
        "PATCH",
        url,
        { enabled: false, hint: "abcd", expected: { enabled: true } },
        [],
        /Unrecognized key: "hint"/,
      );
      await expect422(request, "PATCH", url, undefined, [], "Required");
    });
    expect(sent).toEqual([]);
  });

  test("adding a service account", async ({ request }) => {
    const sent = await upstreamDuring(async () => {
      await expect422(request, "POST", "/api/service-accounts", { name: "" }, ["name"], "Enter a name");
      await expect422(
        request,
        "POST",
        "/api/service-accounts",
        { name: "y".repeat(300) },
        ["name"],
        "Use at most 100 characters",
      );
      await expect422(
        request,
        "POST",
        "/api/service-accounts",
        { name: "ok", extra: 1 },
        [],
        /Unrecognized key/,
      );
    });
    expect(sent).toEqual([]);
  });
});

test("create, conflict, rotate and finish, as the pages use them", async ({ request }) => {
  const { saId } = await demoKey();
  const created = await request.post(`/api/service-accounts/${saId}/keys`, {
    data: {
      name: "e2e-worker",
      permissions: ["text_to_speech"],
      characterLimit: 1000,
      allowedIps: ["192.0.2.1"],
    },
  });
  expect(created.status()).toBe(201);
  expect(created.headers()["cache-control"]).toBe("no-store");
  const { key, secret } = await created.json();
  expect(secret).toMatch(/^sk_[0-9a-f]{48}$/);
  expect(key).toMatchObject({
    name: "e2e-worker",
    hint: secret.slice(-4),
    permissions: ["text_to_speech"],
    characterLimit: 1000,
    allowedIps: ["192.0.2.1/32"],
    rotation: null,
  });

  // Someone changes the limit in ElevenLabs itself; an edit begun before that is a 409 with the key as it is now.
  await emulator.admin("PATCH", `/v1/service-accounts/${saId}/api-keys/${key.id}`, { character_limit: 2000 });
  const url = `/api/service-accounts/${saId}/keys/${key.id}`;
  const sent = await upstreamDuring(async () => {
    const conflict = await request.patch(url, {
      data: { characterLimit: 5000, expected: { characterLimit: 1000 } },
    });
    expect(conflict.status()).toBe(409);
    const { error } = await conflict.json();
    expect(error).toMatchObject({
      code: "conflict",
      fields: [{ path: ["characterLimit"] }],
      current: { id: key.id, characterLimit: 2000 },
    });
  });
  expect(sent.filter((r) => r.method !== "GET")).toEqual([]);

  // A different field, begun from the same state, goes through, and only it is sent.
  const renamed = await upstreamDuring(async () => {
    const res = await request.patch(url, {
      data: { name: "e2e-worker-eu", expected: { name: "e2e-worker" } },
    });
    expect(res.status()).toBe(200);
    expect((await res.json()).key).toMatchObject({ name: "e2e-worker-eu", characterLimit: 2000 });
  });
  expect(renamed.filter((r) => r.method === "PATCH").map((r) => r.body)).toEqual([{ name: "e2e-worker-eu" }]);

  const rotated = await request.post(`${url}/rotate`, { data: {} });
  expect(rotated.status()).toBe(201);
  expect(rotated.headers()["cache-control"]).toBe("no-store");
  const next = await rotated.json();
  expect(next.secret).not.toBe(secret);
  expect(next.key).toMatchObject({
    name: "e2e-worker-eu", // a rotation keeps the name; the pairing tells the two apart
    permissions: ["text_to_speech"],
    characterLimit: 2000,
    allowedIps: ["192.0.2.1/32"],
    rotation: { role: "new", partnerKeyId: key.id },
  });

  const listed = (await (await request.get(`/api/service-accounts/${saId}/keys`)).json()).keys as {
    id: string;
    rotation: unknown;
  }[];
  expect(listed.find((k) => k.id === key.id)!.rotation).toMatchObject({
    role: "old",
    partnerKeyId: next.key.id,
  });
  const all = (await (await request.get("/api/service-accounts")).json()).serviceAccounts as {
    id: string;
    keys: { id: string; rotation: unknown }[];
  }[];
  expect(all.find((a) => a.id === saId)!.keys.find((k) => k.id === next.key.id)!.rotation).toMatchObject({
    role: "new",
  });

  const deleted = await request.delete(url, { data: {} });
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toEqual({ deleted: { id: key.id, serviceAccountId: saId } });
  const after = (await (await request.get(`/api/service-accounts/${saId}/keys`)).json()).keys as {
    id: string;
    rotation: unknown;
  }[];
  expect(after.find((k) => k.id === key.id)).toBeUndefined();
  expect(after.find((k) => k.id === next.key.id)!.rotation).toBeNull();

  // The secrets never reached the audit log.
  const audit = await (await request.get("/api/audit?action=key_secret_revealed")).text();
  expect(audit).not.toContain(secret);
  expect(audit).not.toContain(next.secret);
});

test.describe("as support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("may only enable or disable, and must give a reason", async ({ request }) => {
    const { saId, keyId } = await demoKey();
    const url = `/api/service-accounts/${saId}/keys/${keyId}`;
    const sent = await upstreamDuring(async () => {
      const rename = await request.patch(url, {
        data: { name: "mine", reason: "because", expected: { name: "ci-smoke-tests" } },
      });
      expect(rename.status()).toBe(403);
      expect((await rename.json()).error).toMatchObject({ code: "forbidden", fields: [{ path: ["name"] }] });
      await expect422(
        request,
        "PATCH",
        url,
        { enabled: false, expected: { enabled: true } },
        ["reason"],
        "Give a reason",
      );
      expect(
        (
          await request.post(`/api/service-accounts/${saId}/keys`, {
            data: { name: "k", permissions: "all" },
          })
        ).status(),
      ).toBe(403);
    });
    expect(sent.filter((r) => r.method !== "GET")).toEqual([]);

    const disabled = await upstreamDuring(async () => {
      const res = await request.patch(url, {
        data: { enabled: false, reason: "posted in a public forum", expected: { enabled: true } },
      });
      expect(res.status()).toBe(200);
      expect((await res.json()).key).toMatchObject({ id: keyId, enabled: false });
    });
    expect(disabled.filter((r) => r.method === "PATCH").map((r) => r.body)).toEqual([{ is_enabled: false }]);
  });
});

test.describe("upstream trouble reaches the person as a clear status with the upstream request id", () => {
  for (const [fault, status, code] of [
    [{ kind: "status", status: 503 }, 503, "upstream_unavailable"],
    [{ kind: "status", status: 429, retryAfter: 30 }, 429, "rate_limited"],
    [{ kind: "hang" }, 504, "upstream_timeout"],
  ] as const) {
    test(`a ${fault.kind === "hang" ? "hang" : fault.status} on a change`, async ({ request }) => {
      const { saId, keyId } = await demoKey();
      await emulator.inject("PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, fault);
      const res = await request.patch(`/api/service-accounts/${saId}/keys/${keyId}`, {
        data: { characterLimit: 20_000, expected: { characterLimit: 10_000 } },
      });
      expect(res.status()).toBe(status);
      const body = await res.json();
      expect(body.error.code).toBe(code);
      if (fault.kind === "status") {
        const sent = (await emulator.requests()).filter((r) => r.method === "PATCH").at(-1)!;
        expect(body.error.upstreamRequestId).toBe(sent.requestId);
      }
      if (status === 429) expect(res.headers()["retry-after"]).toBe("30");
    });
  }
});
