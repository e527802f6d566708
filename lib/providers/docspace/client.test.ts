// The DocSpace adapter against the DocSpace emulator over HTTP: every operation, the capabilities it
// must honour, and exactly which calls reach the portal (reads retried within bounds, writes once).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Fault } from "@/lib/emulator/common/faults";
import type { DocspaceEmulator } from "@/lib/emulator/docspace/server";
import { ADMIN_TOKEN, call, KEYS, manualClock, start } from "@/lib/emulator/docspace/testing";
import { ProviderRefusal } from "../errors";
import type { KeyClient, ProviderKey } from "../types";
import { docspaceProvider } from "./client";

const DAY = 24 * 60 * 60 * 1000;
const clock = manualClock();
let emulator: DocspaceEmulator;
let client: KeyClient;

beforeAll(async () => {
  emulator = await start({ now: clock.now });
  client = docspaceProvider.connect({
    baseUrl: emulator.url,
    credential: ADMIN_TOKEN,
    timeoutMs: 400,
    retryPolicy: { retries: 2, baseDelayMs: 10, maxRetryAfterMs: 5_000 },
  });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset("empty"));

const inject = (method: string, path: string, fault: Fault, count = 1) =>
  emulator.faults.add({ method, path, remaining: count, fault });
/** What reached the portal, as [method, path, status]. */
const calls = () => emulator.log.list().map((r) => [r.method, r.path, r.status]);
const bodies = (method: string) =>
  emulator.log
    .list()
    .filter((r) => r.method === method)
    .map((r) => r.body);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    (value) => expect.unreachable(`expected a failure, got ${JSON.stringify(value)}`),
    (e: unknown) =>
      e as Error & { kind: string; field?: (string | number)[]; requestId?: string; upstreamStatus?: number },
  );
/** The secret works against the portal: @self answers for it. */
const authenticates = async (secret: string) =>
  (await call(emulator, "GET", `${KEYS}/@self`, { token: secret })).status === 200;

async function made(fields: Partial<Parameters<KeyClient["create"]>[0]> = {}) {
  const created = await client.create({
    name: "Build bot",
    permissions: { kind: "scopes", value: ["files:read"] },
    ...fields,
  });
  emulator.log.clear();
  return created;
}

describe("reading", () => {
  it("lists every key as a provider-neutral key, in one call", async () => {
    emulator.reset("demo");
    const keys = await client.list();
    expect(keys).toHaveLength(12);
    expect(calls()).toEqual([["GET", KEYS, 200]]);
    expect(keys.find((k) => k.name === "Zapier: files to rooms")).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: "Zapier: files to rooms",
      group: null,
      owner: "Tomás Ibarra",
      hint: expect.stringMatching(/^[0-9a-f]{4}$/),
      secretHash: null,
      enabled: true,
      disableReason: null,
      createdAt: new Date(clock.now() - 30 * DAY).toISOString(),
      lastUsedAt: new Date(clock.now() - 5 * 3_600_000).toISOString(),
      expiresAt: new Date(clock.now() - 30 * DAY + 90 * DAY).toISOString(),
      permissions: { kind: "scopes", value: ["files:read", "files:write", "rooms:read"], unknown: [] },
      restrictions: {},
    } satisfies ProviderKey);
    const backup = keys.find((k) => k.name === "Nightly backup")!;
    expect(backup).toMatchObject({ permissions: { kind: "scopes", value: "all" }, expiresAt: null });
    expect(keys.find((k) => k.name === "Rooms provisioning")!.lastUsedAt).toBeNull();
    expect(keys.find((k) => k.name === "Old CRM connector")!.enabled).toBe(false);
  });

  it("retries a read after two 503s and succeeds on the third call", async () => {
    inject("GET", KEYS, { kind: "status", status: 503 }, 2);
    await expect(client.list()).resolves.toEqual([]);
    expect(calls()).toEqual([
      ["GET", KEYS, 503],
      ["GET", KEYS, 503],
      ["GET", KEYS, 200],
    ]);
  });

  it("gives up after three calls, with the last answer's request id", async () => {
    inject("GET", KEYS, { kind: "status", status: 502, body: "<html>Bad gateway</html>" }, 5);
    const error = await failure(client.list());
    expect(error).toMatchObject({ kind: "unavailable", upstreamStatus: 502 });
    expect(calls()).toHaveLength(3);
    expect(error.requestId).toBe(emulator.log.list()[2]!.requestId);
  });

  it("waits out a 429's Retry-After before reading again", async () => {
    inject("GET", KEYS, { kind: "status", status: 429, retryAfter: 1 });
    const before = Date.now();
    await client.list();
    expect(calls().map((c) => c[2])).toEqual([429, 200]);
    expect(Date.now() - before).toBeGreaterThanOrEqual(950);
  });

  it("retries a read that timed out", async () => {
    inject("GET", KEYS, { kind: "hang" });
    await expect(client.list()).resolves.toEqual([]);
    expect(emulator.log.list().filter((r) => r.method === "GET")).toHaveLength(2);
  });

  it("reports an unreadable answer as bad_response without retrying it", async () => {
    inject("GET", KEYS, { kind: "malformed" });
    expect(await failure(client.list())).toMatchObject({
      kind: "bad_response",
      requestId: expect.any(String),
    });
    expect(calls()).toHaveLength(1);
  });

  it("reports answers of the wrong shape as bad_response: a key without its fields, dates that are not dates", async () => {
    const ok = (response: unknown): Fault => ({
      kind: "status",
      status: 200,
      body: { response, status: 0, statusCode: 200 },
    });
    for (const response of [
      [{ id: "k1" }],
      "keys",
      [{ id: "k1", name: "n", keyPostfix: "abcd", permissions: [], createOn: "yesterday", isActive: true }],
      [
        {
          id: "k1",
          name: "n",
          keyPostfix: "abcd",
          permissions: [1],
          createOn: "2026-01-01T00:00:00Z",
          isActive: true,
        },
      ],
    ]) {
      inject("GET", KEYS, ok(response));
      expect(await failure(client.list()), JSON.stringify(response)).toMatchObject({ kind: "bad_response" });
    }
  });

  it("reads DocSpace's other date spelling, {utcTime, timeZoneOffset}", async () => {
    const key = { id: "k1", name: "n", keyPostfix: "abcd", permissions: ["files:read"], isActive: true };
    inject("GET", KEYS, {
      kind: "status",
      status: 200,
      body: {
        response: [
          {
            ...key,
            createOn: { utcTime: "2026-01-01T10:00:00.0000000Z", timeZoneOffset: 60 },
            lastUsed: null,
          },
        ],
      },
    });
    expect((await client.list())[0]).toMatchObject({
      createdAt: "2026-01-01T10:00:00.000Z",
      lastUsedAt: null,
      expiresAt: null,
      owner: null,
    });
  });
});

describe("creating", () => {
  it("sends exactly the name, scopes and lifetime, and returns the secret once", async () => {
    const { key, secret } = await client.create({
      name: "Build bot",
      permissions: { kind: "scopes", value: ["files:read", "rooms:write"] },
      expiresInDays: 30,
    });
    expect(bodies("POST")).toEqual([
      { name: "Build bot", permissions: ["files:read", "rooms:write"], expiresInDays: 30 },
    ]);
    expect(secret).toMatch(/^sk-[0-9a-f]{48}$/);
    expect(key).toMatchObject({
      name: "Build bot",
      hint: secret.slice(-4),
      enabled: true,
      permissions: { kind: "scopes", value: ["files:read", "rooms:write"], unknown: [] },
      expiresAt: new Date(clock.now() + 30 * DAY).toISOString(),
      owner: "Dana Whitfield",
    });
    expect(await authenticates(secret)).toBe(true);
    // Listed afterwards, without the secret.
    expect(JSON.stringify(await client.list())).not.toContain(secret);
  });

  it('sends "all" as ["*"], never as an empty list, and no lifetime for a key that never expires', async () => {
    const { key } = await client.create({
      name: "Admin tool",
      permissions: { kind: "scopes", value: "all" },
      expiresInDays: null,
    });
    expect(bodies("POST")).toEqual([{ name: "Admin tool", permissions: ["*"] }]);
    expect(key).toMatchObject({ permissions: { value: "all" }, expiresAt: null });
  });

  it("reports a create answer without the secret as bad_response, and does not retry it", async () => {
    inject("POST", KEYS, {
      kind: "status",
      status: 200,
      body: { response: { id: "k1", name: "n" }, status: 0, statusCode: 200 },
    });
    expect(await failure(made())).toMatchObject({ kind: "bad_response" });
    expect(calls().filter((c) => c[0] === "POST")).toHaveLength(1);
  });

  it("never retries a create, not even after a 503 or a cut connection", async () => {
    inject("POST", KEYS, { kind: "status", status: 503 });
    expect(await failure(made())).toMatchObject({ kind: "unavailable" });
    inject("POST", KEYS, { kind: "drop", after: true });
    expect(
      await failure(client.create({ name: "x", permissions: { kind: "scopes", value: "all" } })),
    ).toMatchObject({
      kind: "unavailable",
    });
    expect(calls().filter((c) => c[0] === "POST")).toHaveLength(2);
  });

  it("refuses, before any call, what DocSpace keys cannot have", async () => {
    const cases: [Parameters<KeyClient["create"]>[0], string, (string | number)[]][] = [
      [{ name: "", permissions: { kind: "scopes", value: "all" } }, "invalid", ["name"]],
      [{ name: "x".repeat(31), permissions: { kind: "scopes", value: "all" } }, "invalid", ["name"]],
      [{ name: "a", permissions: { kind: "scopes", value: [] } }, "invalid", ["permissions"]],
      [
        { name: "a", permissions: { kind: "scopes", value: ["read" as never] } },
        "invalid",
        ["permissions", 0],
      ],
      [{ name: "a", permissions: { kind: "key_type", value: "private" } }, "invalid", ["permissions"]],
      [
        { name: "a", permissions: { kind: "scopes", value: "all" }, expiresInDays: 366 },
        "invalid",
        ["expiresInDays"],
      ],
      [
        { name: "a", permissions: { kind: "scopes", value: "all" }, expiresInDays: 1.5 },
        "invalid",
        ["expiresInDays"],
      ],
      [
        { name: "a", permissions: { kind: "scopes", value: "all" }, ipAllowlist: ["10.0.0.0/8"] },
        "not_supported",
        ["ipAllowlist"],
      ],
      [
        { name: "a", permissions: { kind: "scopes", value: "all" }, characterLimit: 5 },
        "not_supported",
        ["characterLimit"],
      ],
      [
        { name: "a", permissions: { kind: "scopes", value: "all" }, allowedOrigins: [] },
        "not_supported",
        ["allowedOrigins"],
      ],
      [
        { name: "a", permissions: { kind: "scopes", value: "all" }, groupId: "sa1" },
        "not_supported",
        ["groupId"],
      ],
    ];
    for (const [input, kind, field] of cases) {
      const error = await failure(client.create(input));
      expect(ProviderRefusal.is(error), JSON.stringify(input)).toBe(true);
      expect({ kind: error.kind, field: error.field }).toEqual({ kind, field });
    }
    expect(calls()).toEqual([]);
  });
});

describe("changing", () => {
  it("sends only the fields given and answers the key as the portal has it", async () => {
    const { key: before } = await made({ expiresInDays: 10 });
    const after = await client.change(before, { name: "Build bot v2" });
    expect(bodies("PUT")).toEqual([{ name: "Build bot v2" }]);
    expect(calls()).toEqual([
      ["PUT", `${KEYS}/${before.id}`, 200],
      ["GET", KEYS, 200],
    ]);
    expect(after).toEqual({ ...before, name: "Build bot v2" });
  });

  it('makes a key unrestricted with ["*"] and restricts it again with a list', async () => {
    const { key } = await made();
    expect(
      (await client.change(key, { permissions: { kind: "scopes", value: "all" } })).permissions.value,
    ).toBe("all");
    const scoped = await client.change(key, { permissions: { kind: "scopes", value: ["*:read"] } });
    expect(scoped.permissions.value).toEqual(["*:read"]);
    expect(bodies("PUT")).toEqual([{ permissions: ["*"] }, { permissions: ["*:read"] }]);
  });

  it("sends nothing for an empty change, and reads the key instead", async () => {
    const { key } = await made();
    expect(await client.change(key, {})).toEqual(key);
    expect(calls()).toEqual([["GET", KEYS, 200]]);
  });

  it("deactivates and reactivates a key: its secret stops working, then works again", async () => {
    const { key, secret } = await made();
    expect((await client.setEnabled(key, false)).enabled).toBe(false);
    expect(await authenticates(secret)).toBe(false);
    expect((await client.setEnabled(key, true)).enabled).toBe(true);
    expect(await authenticates(secret)).toBe(true);
    expect(bodies("PUT")).toEqual([{ isActive: false }, { isActive: true }]);
  });

  it("says an expired key cannot be changed (the portal's `false`), never success", async () => {
    const { key } = await made({ expiresInDays: 1 });
    clock.advance(2 * DAY);
    try {
      for (const attempt of [
        () => client.change(key, { name: "renamed" }),
        () => client.setEnabled(key, false),
      ]) {
        const error = await failure(attempt());
        expect(error).toMatchObject({
          kind: "rejected",
          message: expect.stringMatching(/expired.*rotate or delete/),
        });
      }
      // The portal was asked once each; nothing was read back as if it had worked.
      expect(calls().map((c) => c[0])).toEqual(["PUT", "PUT"]);
      expect((await client.list())[0]!.name).toBe("Build bot");
    } finally {
      clock.advance(-2 * DAY);
    }
  });

  it("refuses an expiry change, fields DocSpace has no such thing as, and a wrong permission model, before any call", async () => {
    const { key } = await made();
    const attempts = [
      client.change(key, { expiresInDays: 5 } as never),
      client.change(key, { allowedOrigins: ["https://a.example"] }),
      client.change(key, { assistants: { allowed: ["a"] } }),
      client.change(key, { permissions: { kind: "permission_list", value: "all" } }),
      client.change(key, { name: "   " }),
    ];
    for (const attempt of attempts) expect(ProviderRefusal.is(await failure(attempt))).toBe(true);
    expect(calls()).toEqual([]);
  });

  it("reports an update answer that is neither true nor false as bad_response", async () => {
    const { key } = await made();
    inject("PUT", `${KEYS}/*`, {
      kind: "status",
      status: 200,
      body: { response: "ok", status: 0, statusCode: 200 },
    });
    expect(await failure(client.change(key, { name: "x" }))).toMatchObject({ kind: "bad_response" });
  });

  it("never retries a change after a 500", async () => {
    const { key } = await made();
    inject("PUT", `${KEYS}/*`, { kind: "status", status: 500 });
    expect(await failure(client.change(key, { name: "x" }))).toMatchObject({
      kind: "unavailable",
      upstreamStatus: 500,
    });
    expect(calls()).toEqual([["PUT", `${KEYS}/${key.id}`, 500]]);
  });

  it("passes the portal's own message on for a value it refuses", async () => {
    const { key } = await made();
    inject("PUT", `${KEYS}/*`, {
      kind: "status",
      status: 400,
      body: { status: 1, statusCode: 400, error: { message: "Permissions are not valid." } },
    });
    expect(await failure(client.change(key, { name: "x" }))).toMatchObject({
      kind: "validation",
      field: ["permissions"],
      message: "DocSpace refused a value: Permissions are not valid.",
    });
  });
});

describe("deleting and rotating", () => {
  it("deletes a key: gone from the list, its secret refused", async () => {
    const { key, secret } = await made();
    await client.delete(key);
    expect(calls()).toEqual([["DELETE", `${KEYS}/${key.id}`, 200]]);
    expect(await client.list()).toEqual([]);
    expect(await authenticates(secret)).toBe(false);
    expect(await failure(client.delete(key))).toMatchObject({ kind: "not_found", upstreamStatus: 404 });
  });

  it("rotates by creating a twin with the same name, scopes and lifetime, then deleting the old key", async () => {
    const { key: old, secret: oldSecret } = await made({
      permissions: { kind: "scopes", value: ["rooms:read", "files:write"] },
      expiresInDays: 90,
    });
    clock.advance(10 * DAY);
    try {
      const result = await client.rotate(old);
      expect(calls().map((c) => c.slice(0, 2))).toEqual([
        ["GET", KEYS],
        ["POST", KEYS],
        ["DELETE", `${KEYS}/${old.id}`],
      ]);
      expect(bodies("POST")).toEqual([
        { name: "Build bot", permissions: ["rooms:read", "files:write"], expiresInDays: 90 },
      ]);
      expect(result).toEqual({
        style: "twin_then_delete",
        twin: {
          key: expect.objectContaining({ name: "Build bot", permissions: old.permissions }),
          secret: expect.stringMatching(/^sk-/),
        },
        old: { id: old.id, outcome: "deleted" },
      });
      expect(result.twin.key.expiresAt).toBe(new Date(clock.now() + 90 * DAY).toISOString());
      expect(await authenticates(result.twin.secret)).toBe(true);
      expect(await authenticates(oldSecret)).toBe(false);
      expect((await client.list()).map((k) => k.id)).toEqual([result.twin.key.id]);
    } finally {
      clock.advance(-10 * DAY);
    }
  });

  it("takes a lifetime for the twin when given one", async () => {
    const { key } = await made({ expiresInDays: 90 });
    await client.rotate(key, { expiresInDays: 7 });
    expect(bodies("POST")).toEqual([{ name: "Build bot", permissions: ["files:read"], expiresInDays: 7 }]);
  });

  it("reports the twin, with its secret, when the old key's delete fails (and does not retry the delete)", async () => {
    const { key: old } = await made();
    inject("DELETE", `${KEYS}/*`, { kind: "status", status: 503 });
    const result = await client.rotate(old);
    expect(result.twin.secret).toMatch(/^sk-/);
    expect(result.old).toMatchObject({
      id: old.id,
      outcome: "delete_failed",
      error: { kind: "unavailable" },
    });
    expect(calls().filter((c) => c[0] === "DELETE")).toHaveLength(1);
    expect((await client.list()).map((k) => k.id).sort()).toEqual([old.id, result.twin.key.id].sort());
  });

  it("makes nothing and deletes nothing when the twin cannot be created", async () => {
    const { key: old } = await made();
    inject("POST", KEYS, { kind: "status", status: 429, retryAfter: 1 });
    expect(await failure(client.rotate(old))).toMatchObject({
      kind: "rate_limited",
      retryAfterSeconds: 1,
      message: "DocSpace is limiting Keydesk's requests. Try again in 1 second.",
    });
    expect(calls().map((c) => c[0])).toEqual(["GET", "POST"]);
    expect((await client.list()).map((k) => k.id)).toEqual([old.id]);
  });
});

describe("hostile ids", () => {
  it("refuses an id that is not one path segment, before any call", async () => {
    for (const id of ["..", ".", "a/b", "\u0000", "\uD800"]) {
      for (const attempt of [
        () => client.delete({ id }),
        () => client.change({ id }, { name: "x" }),
        () => client.setEnabled({ id }, false),
        () => client.rotate({ id }),
      ]) {
        expect(await failure(attempt())).toMatchObject({ kind: "invalid", field: ["id"] });
      }
    }
    expect(calls()).toEqual([]);
  });
});

describe("finding", () => {
  it("finds a key by a pasted secret's postfix, its id and its name, saying how", async () => {
    const { key, secret } = await made();
    await made({ name: "Other" });
    expect(await client.find(secret)).toEqual([
      { key: expect.objectContaining({ id: key.id }), matchedBy: ["hint"] },
    ]);
    expect(await client.find(key.id)).toEqual([
      { key: expect.objectContaining({ id: key.id }), matchedBy: ["id"] },
    ]);
    expect((await client.find("build")).map((m) => [m.key.id, m.matchedBy])).toEqual([[key.id, ["name"]]]);
    expect(await client.find("  ")).toEqual([]);
  });
});

describe("with a credential that is not the admin's", () => {
  it("reports 401 as a bad credential, with the portal's request id", async () => {
    const stranger = docspaceProvider.connect({
      baseUrl: emulator.url,
      credential: "sk-nope",
      timeoutMs: 400,
    });
    const error = await failure(stranger.list());
    expect(error).toMatchObject({ kind: "bad_admin_key", upstreamStatus: 401 });
    expect(error.requestId).toBe(emulator.log.list().at(-1)!.requestId);
    expect(calls()).toHaveLength(1);
  });
});
