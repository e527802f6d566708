// Who may call what. The handlers are found in app/api by the test itself; each must have an entry
// in EXPECTED, and each is called as nobody, reviewer, support and admin.
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { ROLES, type Role } from "@/lib/roles";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { expect, test } from "@/tests/support/emulator-fixture";
import { discoverApiRoutes, PUBLIC_API_ROUTES } from "@/tests/support/api-routes";
import { E2E } from "@/tests/support/e2e-servers";

/**
 * "public": better-auth's sign-in and sign-out, and setting a password with a one-time link, reachable before signing in;
 * the health and readiness probes, which have no session; the Prometheus metrics, which take a bearer token instead of
 * a session (404 when none is configured).
 * "signed": no session either, a signature instead (leak reports from scanners, lib/leaks): unsigned, every caller is
 * refused alike (401; 404 for the generic endpoint while no secret is set), signed in or not.
 */
const EXPECTED: Record<string, readonly Role[] | "public" | "signed"> = {
  "GET /api/health": "public",
  "GET /api/ready": "public",
  "GET /api/auth/[...all]": "public",
  "POST /api/auth/[...all]": "public",
  "GET /api/users": ["admin"],
  "POST /api/users": ["admin"],
  "PATCH /api/users/[userId]": ["admin"],
  "POST /api/users/[userId]/password-link": ["admin"],
  "POST /api/invites/accept": "public",
  "GET /api/metrics": "public",
  "POST /api/leaks/github": "signed",
  "POST /api/leaks/generic": "signed",
  "GET /api/audit": ROLES,
  "GET /api/audit/verify": ROLES,
  // Whether the audit log is anchored, and when it last was (lib/audit/anchor-*): every role reads.
  "GET /api/audit/anchors": ROLES,
  "GET /api/audit/export": ROLES,
  "GET /api/inventory": ROLES,
  "GET /api/inventory/export": ROLES,
  "GET /api/inventory/connections": ROLES,
  "GET /api/service-accounts": ROLES,
  "POST /api/service-accounts": ["admin"],
  "GET /api/service-accounts/[saId]/keys": ROLES,
  "POST /api/service-accounts/[saId]/keys": ["admin"],
  "PATCH /api/service-accounts/[saId]/keys/[keyId]": ["admin", "support"],
  "DELETE /api/service-accounts/[saId]/keys/[keyId]": ["admin"],
  "POST /api/service-accounts/[saId]/keys/[keyId]/rotate": ["admin"],
  // A rotation's finish on a timetable (lib/rotation-schedule): every role reads, admins set it.
  "GET /api/service-accounts/[saId]/keys/[keyId]/rotate/schedule": ROLES,
  "PUT /api/service-accounts/[saId]/keys/[keyId]/rotate/schedule": ["admin"],
  "DELETE /api/service-accounts/[saId]/keys/[keyId]/rotate/schedule": ["admin"],
  "POST /api/find-key": ROLES,
  "POST /api/find-key/disable": ["admin", "support"],
  // The signed-in person's own account: two-factor sign-in, step-up, sessions. An admin ends a user's sessions.
  "GET /api/account/two-factor": ROLES,
  "POST /api/account/two-factor/enrolment": ROLES,
  "POST /api/account/two-factor/confirmation": ROLES,
  "POST /api/account/two-factor/disable": ROLES,
  "POST /api/account/two-factor/recovery-codes": ROLES,
  "GET /api/account/step-up": ROLES,
  "POST /api/account/step-up": ROLES,
  "GET /api/account/sessions": ROLES,
  "DELETE /api/account/sessions/[sessionId]": ROLES,
  "DELETE /api/users/[userId]/sessions": ["admin"],
  // Connections, and which of them a user may use: admins only.
  "GET /api/connections": ["admin"],
  "POST /api/connections": ["admin"],
  "PATCH /api/connections/[connectionId]": ["admin"],
  "DELETE /api/connections/[connectionId]": ["admin"],
  "POST /api/connections/[connectionId]/test": ["admin"],
  // A connection's keys: every role reads (when their access includes the connection); support
  // switches keys on and off, and rotates where the provider has no disable (lib/connection-keys/roles.ts).
  "GET /api/connections/[connectionId]/keys": ROLES,
  "POST /api/connections/[connectionId]/keys": ["admin"],
  "PATCH /api/connections/[connectionId]/keys/[keyId]": ["admin", "support"],
  "DELETE /api/connections/[connectionId]/keys/[keyId]": ["admin"],
  "POST /api/connections/[connectionId]/keys/[keyId]/rotate": ["admin", "support"],
  "GET /api/connections/[connectionId]/keys/[keyId]/rotate/schedule": ROLES,
  "PUT /api/connections/[connectionId]/keys/[keyId]/rotate/schedule": ["admin"],
  "DELETE /api/connections/[connectionId]/keys/[keyId]/rotate/schedule": ["admin"],
  "GET /api/users/[userId]/connections": ["admin"],
  "PUT /api/users/[userId]/connections": ["admin"],
  "GET /api/policies": ROLES,
  "PUT /api/policies": ["admin"],
  // The jobs page's API (lib/jobs): admins only.
  "GET /api/jobs": ["admin"],
  "GET /api/jobs/runs/[runId]": ["admin"],
  "POST /api/jobs/[name]/run": ["admin"],
  // Alert channels and the delivery log: admins only.
  "GET /api/alerts/channels": ["admin"],
  "POST /api/alerts/channels": ["admin"],
  "DELETE /api/alerts/channels/[channelId]": ["admin"],
  "POST /api/alerts/channels/[channelId]/test": ["admin"],
  "GET /api/alerts/deliveries": ["admin"],
  // Bulk changes run by a job (lib/bulk): whoever may switch keys on and off starts and follows them.
  "GET /api/bulk-changes": ["admin", "support"],
  "POST /api/bulk-changes": ["admin", "support"],
  "GET /api/bulk-changes/[id]": ["admin", "support"],
  "POST /api/bulk-changes/[id]/cancel": ["admin", "support"],
  // The key doctor (issue 15): every role diagnoses a key it may see; the fixes go through the key's own PATCH.
  "POST /api/doctor/diagnose": ROLES,
};

const routes = discoverApiRoutes();
const callers = ["anonymous", ...ROLES] as const;

async function clientFor(caller: (typeof callers)[number]): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: caller === "anonymous" ? undefined : storageStatePath(caller),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
}

test("every route handler has an entry in the expected table, and every entry a handler", () => {
  const found = routes.flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`)).sort();
  expect(found.length).toBeGreaterThan(0);
  expect(
    found.filter((k) => !(k in EXPECTED)),
    "handlers without an entry in EXPECTED",
  ).toEqual([]);
  expect(
    Object.keys(EXPECTED).filter((k) => !found.includes(k)),
    "entries without a handler",
  ).toEqual([]);
});

test("the public routes here are the ones other tests skip as public (tests/support/api-routes.ts)", () => {
  const publicHere = new Set(
    Object.entries(EXPECTED)
      .filter(([, roles]) => roles === "public" || roles === "signed")
      .map(([key]) => key.split(" ")[1]!),
  );
  expect([...publicHere].sort()).toEqual([...PUBLIC_API_ROUTES].sort());
});

for (const route of routes) {
  for (const method of route.methods) {
    const key = `${method} ${route.pattern}`;
    test(`${key} answers each role as expected`, async () => {
      const allowed = EXPECTED[key];
      expect(allowed, `no entry for ${key}`).toBeDefined();
      for (const caller of callers) {
        const client = await clientFor(caller);
        const res = await client.fetch(route.samplePath, { method, data: method === "GET" ? undefined : {} });
        const status = res.status();
        const body = await res.text();
        if (allowed === "signed") {
          expect([401, 404], `${caller} on ${key}: ${body}`).toContain(status);
        } else if (allowed !== "public") {
          const want = caller === "anonymous" ? 401 : allowed!.includes(caller) ? "allowed" : 403;
          if (want === "allowed")
            expect([401, 403], `${caller} on ${key} (${status}): ${body}`).not.toContain(status);
          else expect(status, `${caller} on ${key}: ${body}`).toBe(want);
        } else {
          expect([401, 403], `${caller} on ${key}`).not.toContain(status);
        }
        // Whatever the answer: no session token, no password or hash in a body.
        expect(body).not.toMatch(/"(token|password|passwordHash)"\s*:/);
        await client.dispose();
      }
    });
  }
}

test("a change from another origin, or with no origin, is refused even for an admin", async () => {
  for (const headers of [{ origin: "https://evil.example" }, {}] as Record<string, string>[]) {
    const client = await playwrightRequest.newContext({
      baseURL: E2E.consoleUrl,
      storageState: storageStatePath("admin"),
      extraHTTPHeaders: headers,
    });
    const res = await client.post("/api/users", {
      data: { email: "x@example.com", name: "X", role: "reviewer" },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("cross_origin");
    const signOut = await client.post("/api/auth/sign-out", { data: {} });
    expect(signOut.status()).toBe(403);
    await client.dispose();
  }
});

test("sign-in is paused after repeated failures for an account, even from changing addresses", async () => {
  const client = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  const email = `throttle-${Date.now()}@e2e.example`;
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    const res = await client.post("/api/auth/sign-in/email", {
      data: { email, password: `wrong-${i}` },
      headers: { "x-forwarded-for": `198.51.100.${i + 1}` },
    });
    statuses.push(res.status());
    if (res.status() === 429) {
      expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
      expect((await res.json()).error.code).toBe("rate_limited");
    }
  }
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses.slice(5)).toEqual([429, 429]);
  await client.dispose();
});

test("signing in answers with the user, never the session token; the cookie is httpOnly and SameSite=Lax", async () => {
  const client = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  const res = await client.post("/api/auth/sign-in/email", {
    data: { email: "reviewer@e2e.example", password: "e2e-Console-Passw0rd!" },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(Object.keys(body)).toEqual(["user"]);
  expect(Object.keys(body.user).sort()).toEqual(["email", "id", "name", "role"]);
  const cookie = res.headersArray().find((h) => h.name.toLowerCase() === "set-cookie")!.value;
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  const token = /session_token=([^;.]+)/.exec(cookie)![1]!;
  expect(JSON.stringify(body)).not.toContain(token);
  await client.dispose();
});

test("security headers are on every page", async ({ page }) => {
  const res = await page.goto("/sign-in");
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
});

test("a secret pasted into the sign-in form is refused like any wrong sign-in and never recorded", async () => {
  const client = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  const pasted = `sk_${"ab12".repeat(12)}`;
  const res = await client.post("/api/auth/sign-in/email", { data: { email: pasted, password: pasted } });
  expect(res.status()).toBe(401);
  const admin = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
  });
  const exported = await (await admin.get("/api/audit/export?format=json&action=sign_in")).text();
  expect(exported).not.toContain(pasted);
  expect(exported).not.toContain("ab12ab12");
  await client.dispose();
  await admin.dispose();
});
