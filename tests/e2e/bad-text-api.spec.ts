// Text PostgreSQL cannot hold or the audit log must refuse, sent to every API route straight over
// HTTP: a NUL byte in a body field, a query string or a path id; a lone UTF-16 surrogate in a
// name; a name that looks like an API key secret. Each is a 422 naming the field and why (never a
// bare 500, never a silently mangled row), nothing reaches ElevenLabs and no row is written.
// Also: a body that is not JSON is a 415, and a huge one a 413.
import type { APIRequestContext } from "@playwright/test";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });

const NUL = /must not contain a NUL byte/i;
const SURROGATE = /contains an unpaired surrogate/i;
const SECRET_NAME = /looks like an API key secret/i;
const SECRET = `sk_${"0123456789abcdef".repeat(3)}`;

type WireAccount = {
  service_account_user_id: string;
  name: string;
  "api-keys": { key_id: string; name: string }[];
};
type Field = { path: (string | number)[]; message: string };

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

/** The newest audit row's id and how many users there are: "no row was written" means both stay put. */
async function rowsNow(api: APIRequestContext) {
  const audit = await (await api.get("/api/audit?limit=1")).json();
  const users = await (await api.get("/api/users")).json();
  return {
    lastAuditId: audit.entries[0]?.id ?? 0,
    users: (users.users as { email: string; name: string }[]).map((u) => `${u.email} ${u.name}`).sort(),
  };
}

/** Runs `calls`, then checks nothing went upstream and the database gained no row. */
async function nothingHappens(api: APIRequestContext, calls: () => Promise<void>) {
  const before = await rowsNow(api);
  const logged = (await emulator.requests()).length;
  await calls();
  const sent = (await emulator.requests()).slice(logged).filter((r) => !r.path.startsWith("/__emulator"));
  expect(sent, "nothing reaches ElevenLabs").toEqual([]);
  expect(await rowsNow(api), "no row is written").toEqual(before);
}

/**
 * Sends `body` as raw JSON text (so `\ud800` arrives as the lone surrogate escape it is) and
 * expects a 422 whose `fields` names `path` with `message`.
 */
async function expect422(
  api: APIRequestContext,
  method: string,
  url: string,
  body: string | undefined,
  path: (string | number)[],
  message: RegExp,
) {
  const res = await api.fetch(url, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, data: body }),
  });
  const text = await res.text();
  expect(res.status(), `${method} ${url} ${body?.slice(0, 80) ?? ""}: ${text}`).toBe(422);
  const { error } = JSON.parse(text);
  expect(error.code).toBe("validation_failed");
  const field = (error.fields as Field[]).find((f) => JSON.stringify(f.path) === JSON.stringify(path));
  expect(field, `no field ${JSON.stringify(path)} in ${text}`).toBeDefined();
  expect(field!.message).toMatch(message);
  // The answer never echoes the bad text back.
  expect(text).not.toContain("\\u0000");
  expect(text).not.toContain(SECRET);
}

const json = (value: Record<string, unknown>) => JSON.stringify(value);
/** JSON text with a lone high surrogate inside a string (JSON.stringify would escape it the same way). */
const withSurrogate = (field: string, rest: Record<string, unknown> = {}) =>
  `{"${field}":"ab\\ud800cd"${Object.keys(rest).length ? `,${JSON.stringify(rest).slice(1, -1)}` : ""}}`;

test.describe("bad text is a 422 naming the field, and nothing is sent or written", () => {
  test("service accounts", async ({ request }) => {
    await nothingHappens(request, async () => {
      await expect422(
        request,
        "POST",
        "/api/service-accounts",
        json({ name: "ops\u0000team" }),
        ["name"],
        NUL,
      );
      await expect422(request, "POST", "/api/service-accounts", withSurrogate("name"), ["name"], SURROGATE);
      await expect422(
        request,
        "POST",
        "/api/service-accounts",
        json({ name: SECRET }),
        ["name"],
        SECRET_NAME,
      );
      await expect422(
        request,
        "POST",
        "/api/service-accounts",
        json({ name: `prod ${SECRET.toUpperCase()} copy` }),
        ["name"],
        SECRET_NAME,
      );
      await expect422(request, "GET", "/api/service-accounts?view=a%00b", undefined, ["view"], NUL);
    });
  });

  test("creating a key", async ({ request }) => {
    const { saId } = await demoKey();
    const url = `/api/service-accounts/${saId}/keys`;
    await nothingHappens(request, async () => {
      await expect422(
        request,
        "POST",
        url,
        json({ name: "tts\u0000worker", permissions: "all" }),
        ["name"],
        NUL,
      );
      await expect422(
        request,
        "POST",
        url,
        withSurrogate("name", { permissions: "all" }),
        ["name"],
        SURROGATE,
      );
      await expect422(
        request,
        "POST",
        url,
        json({ name: SECRET, permissions: "all" }),
        ["name"],
        SECRET_NAME,
      );
      await expect422(
        request,
        "POST",
        url,
        json({ name: "k", permissions: ["text_to_speech\u0000"] }),
        ["permissions", 0],
        NUL,
      );
      await expect422(
        request,
        "POST",
        url,
        json({ name: "k", permissions: "all", allowedIps: ["10.0.0.1", "10.0.0.2\u0000"] }),
        ["allowedIps", 1],
        NUL,
      );
      await expect422(
        request,
        "POST",
        url,
        json({ name: "k", permissions: "all", "na\u0000me": 1 }),
        [],
        /a field name must not contain a NUL byte/i,
      );
      await expect422(
        request,
        "POST",
        `/api/service-accounts/sa%00x/keys`,
        json({ name: "k", permissions: "all" }),
        ["saId"],
        NUL,
      );
      await expect422(request, "GET", `/api/service-accounts/sa%00x/keys`, undefined, ["saId"], NUL);
      await expect422(request, "GET", `${url}?q=%00`, undefined, ["q"], NUL);
    });
  });

  test("changing, rotating and deleting a key", async ({ request }) => {
    const { saId, keyId } = await demoKey();
    const url = `/api/service-accounts/${saId}/keys/${keyId}`;
    await nothingHappens(request, async () => {
      await expect422(
        request,
        "PATCH",
        url,
        json({ name: "a\u0000b", expected: { name: "ci-smoke-tests" } }),
        ["name"],
        NUL,
      );
      await expect422(
        request,
        "PATCH",
        url,
        withSurrogate("name", { expected: { name: "ci-smoke-tests" } }),
        ["name"],
        SURROGATE,
      );
      await expect422(
        request,
        "PATCH",
        url,
        json({ name: SECRET, expected: { name: "ci-smoke-tests" } }),
        ["name"],
        SECRET_NAME,
      );
      await expect422(
        request,
        "PATCH",
        url,
        json({ enabled: false, reason: "leaked\u0000", expected: { enabled: true } }),
        ["reason"],
        NUL,
      );
      await expect422(
        request,
        "PATCH",
        url,
        json({ enabled: false, reason: `leaked as ${SECRET}`, expected: { enabled: true } }),
        ["reason"],
        /looks like an API key secret/i,
      );
      await expect422(
        request,
        "PATCH",
        url,
        json({ name: "x", expected: { name: "ci\u0000" } }),
        ["expected", "name"],
        NUL,
      );
      await expect422(
        request,
        "PATCH",
        `/api/service-accounts/${saId}/keys/k%00y`,
        json({ enabled: false, expected: { enabled: true } }),
        ["keyId"],
        NUL,
      );
      await expect422(
        request,
        "DELETE",
        `/api/service-accounts/${saId}/keys/k%00y`,
        undefined,
        ["keyId"],
        NUL,
      );
      await expect422(
        request,
        "DELETE",
        `/api/service-accounts/s%00a/keys/${keyId}`,
        undefined,
        ["saId"],
        NUL,
      );
      await expect422(
        request,
        "POST",
        `/api/service-accounts/${saId}/keys/k%00y/rotate`,
        undefined,
        ["keyId"],
        NUL,
      );
      await expect422(request, "POST", `${url}/rotate?why=%00`, undefined, ["why"], NUL);
    });
  });

  test("users", async ({ request }) => {
    const user = { email: "text.person@e2e.example", name: "Text Person", role: "support" };
    const { users } = (await (await request.get("/api/users")).json()) as {
      users: { id: string; email: string }[];
    };
    const someone = users.find((u) => u.email === "support@e2e.example")!;
    await nothingHappens(request, async () => {
      await expect422(
        request,
        "POST",
        "/api/users",
        json({ ...user, name: "Text\u0000Person" }),
        ["name"],
        NUL,
      );
      await expect422(
        request,
        "POST",
        "/api/users",
        withSurrogate("name", { email: user.email, role: user.role }),
        ["name"],
        SURROGATE,
      );
      await expect422(request, "POST", "/api/users", json({ ...user, name: SECRET }), ["name"], SECRET_NAME);
      await expect422(
        request,
        "POST",
        "/api/users",
        json({ ...user, email: "text\u0000person@e2e.example" }),
        ["email"],
        NUL,
      );
      await expect422(
        request,
        "POST",
        "/api/users",
        json({ ...user, email: `${SECRET}@e2e.example` }),
        ["email"],
        /looks like an API key secret/i,
      );
      await expect422(
        request,
        "PATCH",
        `/api/users/${someone.id}`,
        json({ role: "reviewer\u0000" }),
        ["role"],
        NUL,
      );
      await expect422(
        request,
        "POST",
        "/api/invites/accept",
        json({ token: "abc\u0000def", password: "Quiet-Harbour-4821" }),
        ["token"],
        NUL,
      );
      await expect422(request, "PATCH", `/api/users/u%00x`, json({ role: "reviewer" }), ["userId"], NUL);
      await expect422(request, "GET", "/api/users?page=%00", undefined, ["page"], NUL);
    });
  });

  test("find a key", async ({ request }) => {
    await nothingHappens(request, async () => {
      await expect422(request, "POST", "/api/find-key", json({ query: "abcd\u0000" }), ["query"], NUL);
      await expect422(request, "POST", "/api/find-key", withSurrogate("query"), ["query"], SURROGATE);
    });
  });

  test("inventory and its export", async ({ request }) => {
    await nothingHappens(request, async () => {
      await expect422(request, "GET", "/api/inventory?q=a%00b", undefined, ["q"], NUL);
      await expect422(request, "GET", "/api/inventory/export?format=csv&q=a%00b", undefined, ["q"], NUL);
      await expect422(request, "GET", "/api/inventory/export?format=json&sa=s%00a", undefined, ["sa"], NUL);
      await expect422(
        request,
        "GET",
        `/api/inventory/export?format=csv&q=${SECRET}`,
        undefined,
        ["q"],
        /looks like an API key secret/i,
      );
      await expect422(
        request,
        "GET",
        `/api/inventory/export?format=csv&sa=${SECRET}`,
        undefined,
        ["sa"],
        /looks like an API key secret/i,
      );
    });
  });

  test("audit log, its export and verify", async ({ request }) => {
    await nothingHappens(request, async () => {
      await expect422(request, "GET", "/api/audit?actor=a%00b", undefined, ["actor"], NUL);
      await expect422(request, "GET", "/api/audit?target=%00", undefined, ["target"], NUL);
      await expect422(
        request,
        "GET",
        "/api/audit/export?format=csv&action=key%00",
        undefined,
        ["action"],
        NUL,
      );
      await expect422(
        request,
        "GET",
        `/api/audit/export?format=csv&target=${SECRET}`,
        undefined,
        ["target"],
        /looks like an API key secret/i,
      );
      await expect422(
        request,
        "GET",
        `/api/audit/export?format=json&actor=${SECRET}`,
        undefined,
        ["actor"],
        /looks like an API key secret/i,
      );
      await expect422(request, "GET", "/api/audit/verify?x=%00", undefined, ["x"], NUL);
    });
  });
});

test.describe("bodies that are not JSON, or too big", () => {
  test("a form-encoded or text body is a 415, a huge one a 413; neither is sent or written", async ({
    request,
  }) => {
    const { saId } = await demoKey();
    await nothingHappens(request, async () => {
      for (const [type, data] of [
        ["application/x-www-form-urlencoded", "name=ops"],
        ["text/plain", '{"name":"ops"}'],
        [
          "multipart/form-data; boundary=x",
          '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nops\r\n--x--\r\n',
        ],
      ] as const) {
        const res = await request.post("/api/service-accounts", { headers: { "content-type": type }, data });
        expect(res.status(), type).toBe(415);
        expect((await res.json()).error.code).toBe("unsupported_media_type");
      }
      const huge = JSON.stringify({ name: "k", permissions: "all", pad: "x".repeat(2 * 1024 * 1024) });
      const res = await request.post(`/api/service-accounts/${saId}/keys`, {
        headers: { "content-type": "application/json" },
        data: huge,
      });
      expect(res.status()).toBe(413);
      const { error } = await res.json();
      expect(error.code).toBe("payload_too_large");
      expect(error.message).toMatch(/1 MiB/);
    });
  });
});
