// The auth ladder of API.md §8 on every endpoint a key is used for (operations.ts), over real HTTP,
// with keys made through the public API: no key, an unknown, disabled, deleted or rotated-away key,
// an address outside the allowlist, a missing permission; each rung in its place in the order.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { OPERATIONS, type Operation } from "./operations";
import {
  call,
  createAccount,
  createKey,
  expectError,
  start,
  type Reply,
} from "@/tests/support/emulator-calls";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start();
});
beforeEach(() => emulator.reset("empty"));
afterAll(() => emulator.close());

const NEEDS_AUTH = "Neither authorization header nor xi-api-key received, please provide one.";
const VOICE = "21m00Tcm4TlvDq8ikWAM";
const OUTSIDE = "198.51.100.1";
const INSIDE = "203.0.113.9";

/** One well-formed request per operation: what a client would send. */
const REQUESTS: [Operation, string, unknown?][] = [
  [OPERATIONS.list_voices, "/v1/voices"],
  [OPERATIONS.get_voice, `/v1/voices/${VOICE}`],
  [OPERATIONS.list_models, "/v1/models"],
  [OPERATIONS.get_user, "/v1/user"],
  [OPERATIONS.text_to_speech, `/v1/text-to-speech/${VOICE}`, { text: "Hello." }],
];
const CASES = REQUESTS.map(([op, path, body]) => [op.id, op, path, body] as const);

/** `key` undefined sends the workspace admin key, null none. */
function send(
  op: Operation,
  path: string,
  body: unknown,
  key: string | null | undefined,
  ip?: string,
): Promise<Reply> {
  return call(emulator, op.method, path, {
    key,
    body,
    headers: ip ? { "x-forwarded-for": ip } : undefined,
  });
}

function expectSuccess(reply: Reply, op: Operation) {
  expect(reply.status).toBe(200);
  if (op.id === "text_to_speech") expect(reply.headers.get("content-type")).toBe("audio/mpeg");
  else expect(reply.headers.get("content-type")).toBe("application/json");
  expect(reply.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
}

async function newKey(body: Record<string, unknown>) {
  const saId = await createAccount(emulator);
  return { saId, ...(await createKey(emulator, saId, body)) };
}

describe.each(CASES)("%s", (_id, op, path, body) => {
  it("rung 1: no xi-api-key is 401 needs_authorization", async () => {
    expectError(
      await send(op, path, body, null),
      401,
      "needs_authorization",
      "authentication_error",
      NEEDS_AUTH,
    );
  });

  it("rung 2: an unknown key is 401 invalid_api_key", async () => {
    const reply = await send(op, path, body, "sk_" + "0".repeat(48));
    expectError(reply, 401, "invalid_api_key", "authentication_error", "Invalid API key");
  });

  it("rung 2: a disabled key is 401 invalid_api_key, and works again once enabled", async () => {
    const { saId, keyId, secret } = await newKey({ permissions: [op.permission] });
    const keyPath = `/v1/service-accounts/${saId}/api-keys/${keyId}`;
    await call(emulator, "PATCH", keyPath, { body: { is_enabled: false } });
    expectError(
      await send(op, path, body, secret),
      401,
      "invalid_api_key",
      "authentication_error",
      "Invalid API key",
    );
    await call(emulator, "PATCH", keyPath, { body: { is_enabled: true } });
    expectSuccess(await send(op, path, body, secret), op);
  });

  it("rung 2: a deleted key is 401 invalid_api_key; the key that replaced it works", async () => {
    const { saId, keyId, secret } = await newKey({ permissions: [op.permission] });
    const rotated = await createKey(emulator, saId, { permissions: [op.permission] });
    await call(emulator, "DELETE", `/v1/service-accounts/${saId}/api-keys/${keyId}`);
    expectError(
      await send(op, path, body, secret),
      401,
      "invalid_api_key",
      "authentication_error",
      "Invalid API key",
    );
    expectSuccess(await send(op, path, body, rotated.secret), op);
  });

  it("rung 3: outside the allowlist is 403 ip_not_allowed naming the address; inside it succeeds", async () => {
    const { secret } = await newKey({ permissions: [op.permission], allowed_ips: ["203.0.113.0/24"] });
    const reply = await send(op, path, body, secret, OUTSIDE);
    expectError(
      reply,
      403,
      "ip_not_allowed",
      "authorization_error",
      new RegExp(OUTSIDE.replace(/\./g, "\\.")),
    );
    expectSuccess(await send(op, path, body, secret, INSIDE), op);
  });

  it("rung 2 comes before rung 3: a disabled key outside its allowlist is 401 invalid_api_key", async () => {
    const { saId, keyId, secret } = await newKey({
      permissions: [op.permission],
      allowed_ips: ["203.0.113.0/24"],
    });
    await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      body: { is_enabled: false },
    });
    expectError(await send(op, path, body, secret, OUTSIDE), 401, "invalid_api_key", "authentication_error");
  });

  it(`rung 4: a key without ${op.permission} is 401 missing_permissions naming it`, async () => {
    const other = op.permission === "speech_to_text" ? "dubbing_read" : "speech_to_text";
    const { secret } = await newKey({ permissions: [other] });
    expectError(
      await send(op, path, body, secret),
      401,
      "missing_permissions",
      "authentication_error",
      `The API key you used is missing the permission ${op.permission} to execute this operation.`,
    );
    // A key with no permissions at all is refused the same way.
    const none = await newKey({ permissions: [] });
    expectError(await send(op, path, body, none.secret), 401, "missing_permissions", "authentication_error");
  });

  it("rung 3 comes before rung 4: outside the allowlist and without the permission is 403", async () => {
    const { secret } = await newKey({ permissions: [], allowed_ips: ["203.0.113.0/24"] });
    expectError(await send(op, path, body, secret, OUTSIDE), 403, "ip_not_allowed", "authorization_error");
  });

  it(`succeeds with ${op.permission} alone, with "all", and with the workspace admin key`, async () => {
    expectSuccess(await send(op, path, body, (await newKey({ permissions: [op.permission] })).secret), op);
    expectSuccess(await send(op, path, body, (await newKey({ permissions: "all" })).secret), op);
    expectSuccess(await send(op, path, body, undefined), op);
  });

  it("a permission granted later by PATCH takes effect at once", async () => {
    const { saId, keyId, secret } = await newKey({ permissions: [] });
    expect((await send(op, path, body, secret)).status).toBe(401);
    await call(emulator, "PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      body: { permissions: [op.permission] },
    });
    expectSuccess(await send(op, path, body, secret), op);
  });
});

describe("secrets made through the public API", () => {
  it("authenticate at once: the secret POST …/api-keys returns is the key its hint and hash name", async () => {
    const saId = await createAccount(emulator);
    const created = await call(emulator, "POST", `/v1/service-accounts/${saId}/api-keys`, {
      body: { name: "found-in-a-log", permissions: ["user_read"] },
    });
    const secret: string = created.body["xi-api-key"];
    const listed = await call(emulator, "GET", `/v1/service-accounts/${saId}/api-keys`);
    const key = listed.body["api-keys"].find((k: { key_id: string }) => k.key_id === created.body.key_id);
    expect(key.hint).toBe(secret.slice(-4));
    const user = await call(emulator, "GET", "/v1/user", { key: secret });
    expect(user.status).toBe(200);
    expect(user.body.user_id).toBe(saId);
    // The secret never comes back in an answer or the request log.
    expect(listed.text).not.toContain(secret);
    expect((await call(emulator, "GET", "/__emulator/requests")).text).not.toContain(secret);
  });
});

describe("which permission is which", () => {
  it("a key's permissions open exactly their own operations", async () => {
    const { secret } = await newKey({ permissions: ["voices_read"] });
    expect((await send(OPERATIONS.list_voices, "/v1/voices", undefined, secret)).status).toBe(200);
    expect((await send(OPERATIONS.get_voice, `/v1/voices/${VOICE}`, undefined, secret)).status).toBe(200);
    for (const [op, path, body] of REQUESTS.filter(([o]) => o.permission !== "voices_read")) {
      const reply = await send(op, path, body, secret);
      expectError(
        reply,
        401,
        "missing_permissions",
        "authentication_error",
        new RegExp(` ${op.permission} `),
      );
    }
  });

  it("a service account's key still may not manage service accounts, whatever it holds", async () => {
    const { secret } = await newKey({ permissions: "all" });
    expectError(
      await call(emulator, "GET", "/v1/service-accounts", { key: secret }),
      401,
      "missing_permissions",
      "authentication_error",
    );
  });
});

describe("the caller's address", () => {
  it("is the first X-Forwarded-For entry only when trusted (trustForwardedFor, on with control)", async () => {
    const trusting = await start({ control: false, trustForwardedFor: true });
    const deaf = await start({ control: true, trustForwardedFor: false });
    try {
      for (const [em, expected] of [
        [trusting, 200],
        [deaf, 403],
      ] as const) {
        const saId = await createAccount(em);
        const { secret } = await createKey(em, saId, {
          permissions: ["voices_read"],
          allowed_ips: ["203.0.113.0/24"],
        });
        const reply = await call(em, "GET", "/v1/voices", {
          key: secret,
          headers: { "x-forwarded-for": `${INSIDE}, 10.0.0.1` },
        });
        expect(reply.status).toBe(expected);
      }
    } finally {
      await Promise.all([trusting.close(), deaf.close()]);
    }
  });
});
