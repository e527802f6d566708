// The edge of trust: what a client sends that Keydesk must not believe (a forwarded address, a
// forwarded host, a body type better-auth would also read), and what every page and path must
// answer whatever is sent (a nonce CSP, a sign-in redirect, a 400 for a broken path).
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { CONSOLE_ACCOUNTS, CONSOLE_PASSWORD, storageStatePath } from "@/tests/support/e2e-accounts";
import { expect, test } from "@/tests/support/emulator-fixture";
import { startOwnServer, type OwnServer } from "@/tests/support/own-server";
import { E2E } from "@/tests/support/e2e-servers";

/** lib/auth/sign-in-throttle.ts's MAX_FAILURES (that module is server-only). */
const MAX_FAILURES = 5;
const TARGET_PASSWORD = "Edge-Target-Passw0rd!x";
/** The own server's sign-in pause (KEYDESK_SIGN_IN_PAUSE_SECONDS; the default is 15 minutes). */
const PAUSE_SECONDS = 60;

async function client(
  base: string,
  extra: Record<string, string> = {},
  storageState?: string,
): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: base,
    storageState,
    extraHTTPHeaders: { origin: base, ...extra },
  });
}

async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const c = await client(base);
  const res = await c.post("/api/auth/sign-in/email", { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  const cookie = res
    .headersArray()
    .find((h) => h.name.toLowerCase() === "set-cookie")!
    .value.split(";")[0]!;
  await c.dispose();
  return cookie;
}

async function createUser(base: string, adminCookie: string, email: string): Promise<void> {
  const c = await client(base, { cookie: adminCookie });
  const res = await c.post("/api/users", { data: { email, name: "Edge target", role: "reviewer" } });
  expect(res.status(), await res.text()).toBe(201);
  // The person sets their own password with the one-time link the admin was given.
  const token = new URL(((await res.json()) as { invite: { url: string } }).invite.url).pathname
    .split("/")
    .pop()!;
  const accepted = await c.post("/api/invites/accept", { data: { token, password: TARGET_PASSWORD } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  await c.dispose();
}

/** One wrong guess in one of four body types, from a made-up forwarded address. */
function guess(c: APIRequestContext, email: string, i: number): Promise<APIResponse> {
  const headers = {
    "x-forwarded-for": `203.0.${(i >> 8) & 255}.${i & 255}`,
    "x-real-ip": `198.51.100.${i & 255}`,
  };
  const password = `wrong-guess-${i}`;
  const spelled = i % 3 === 0 ? email.toUpperCase() : i % 3 === 1 ? ` ${email} ` : email;
  const url = "/api/auth/sign-in/email";
  switch (i % 4) {
    case 0:
      return c.post(url, { headers, data: { email: spelled, password } });
    case 1:
      return c.post(url, { headers, form: { email: spelled, password } });
    case 2:
      return c.post(url, { headers, multipart: { email: spelled, password } });
    default:
      return c.post(url, {
        headers: { ...headers, "content-type": "text/plain" },
        data: JSON.stringify({ email: spelled, password }),
      });
  }
}

test.describe("on a server of its own", () => {
  test.describe.configure({ mode: "serial" });
  let server: OwnServer;
  let adminCookie: string;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // A short sign-in pause, so the test can see it end; the default stays 15 minutes.
    server = await startOwnServer("edge", E2E.edgePort, {
      KEYDESK_SIGN_IN_PAUSE_SECONDS: String(PAUSE_SECONDS),
    });
    adminCookie = await signInCookie(server.url, CONSOLE_ACCOUNTS.admin.email, CONSOLE_PASSWORD);
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("a paused account cannot sign in with a form-encoded body; only JSON is taken (415)", async () => {
    const email = `paused-${Date.now()}@e2e.example`;
    await createUser(server.url, adminCookie, email);
    const c = await client(server.url);
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(
        (await c.post("/api/auth/sign-in/email", { data: { email, password: `wrong-${i}` } })).status(),
      ).toBe(401);
    }
    expect(
      (await c.post("/api/auth/sign-in/email", { data: { email, password: TARGET_PASSWORD } })).status(),
    ).toBe(429);
    for (const body of [
      { form: { email, password: TARGET_PASSWORD } },
      { multipart: { email, password: TARGET_PASSWORD } },
    ]) {
      const res = await c.post("/api/auth/sign-in/email", body);
      expect(res.status(), await res.text()).toBe(415);
      expect((await res.json()).error.code).toBe("unsupported_media_type");
    }
    await c.dispose();
  });

  test("1,000 concurrent guesses in mixed body types from made-up addresses: at most MAX_FAILURES reach the password check", async () => {
    test.setTimeout(600_000);
    const email = `guessed-${Date.now()}@e2e.example`;
    await createUser(server.url, adminCookie, email);
    const c = await client(server.url);
    const statuses = new Map<number, number>();
    const started = Date.now();
    const BATCH = 100;
    for (let start = 0; start < 1000; start += BATCH) {
      const batch = await Promise.all(Array.from({ length: BATCH }, (_, j) => guess(c, email, start + j)));
      for (const res of batch) statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
    }
    const summary = Object.fromEntries(statuses);
    // 401: the password was checked (and was wrong). Nothing else may get that far: MAX_FAILURES
    // per pause window (one window, unless this machine took longer than a minute for the run).
    const windows = Math.floor((Date.now() - started) / (PAUSE_SECONDS * 1000)) + 1;
    expect(statuses.get(401) ?? 0, `${JSON.stringify(summary)} in ${windows} window(s)`).toBeLessThanOrEqual(
      MAX_FAILURES * windows,
    );
    expect(statuses.get(200) ?? 0, JSON.stringify(summary)).toBe(0);
    expect([...statuses.keys()].sort(), JSON.stringify(summary)).toEqual(expect.arrayContaining([415, 429]));
    expect(
      [...statuses.keys()].every((s) => [401, 415, 429].includes(s)),
      JSON.stringify(summary),
    ).toBe(true);
    // Once the pause is over, the right password works.
    await expect
      .poll(
        async () =>
          (await c.post("/api/auth/sign-in/email", { data: { email, password: TARGET_PASSWORD } })).status(),
        { timeout: (PAUSE_SECONDS + 30) * 1000, intervals: [3_000] },
      )
      .toBe(200);
    await c.dispose();
  });

  test("the per-address limit counts the socket's address, not a made-up X-Forwarded-For", async () => {
    const c = await client(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      // A different account each time, so only the per-address limit can stop them.
      const res = await c.post("/api/auth/sign-in/email", {
        headers: { "x-forwarded-for": `192.0.2.${i + 1}` },
        data: { email: `nobody-${i}-${Date.now()}@e2e.example`, password: "wrong-password" },
      });
      statuses.push(res.status());
    }
    expect(statuses.filter((s) => s === 429).length, statuses.join(",")).toBeGreaterThan(0);
    await c.dispose();
  });
});

test("the audit log records the socket's address, not a forwarded one the client made up", async () => {
  const email = `forged-ip-${Date.now()}@e2e.example`;
  const c = await client(E2E.consoleUrl, { "x-forwarded-for": "6.6.6.6, 10.0.0.1", "x-real-ip": "6.6.6.7" });
  expect(
    (await c.post("/api/auth/sign-in/email", { data: { email, password: "wrong-password" } })).status(),
  ).toBe(401);
  await c.dispose();
  const admin = await client(E2E.consoleUrl, {}, storageStatePath("admin"));
  const exported = (await (
    await admin.get("/api/audit/export?format=json&action=sign_in")
  ).json()) as unknown;
  const rows = (
    Array.isArray(exported) ? exported : ((exported as { entries?: unknown[] }).entries ?? [])
  ) as { actorEmail?: string; actor?: { email?: string }; ip?: string }[];
  const row = rows.find((r) => r.actorEmail === email || r.actor?.email === email);
  expect(row, JSON.stringify(exported).slice(0, 500)).toBeDefined();
  expect(row!.ip).toBe("127.0.0.1");
  await admin.dispose();
});

test("signing out ends the session whatever the body", async () => {
  const variants: { name: string; send: (c: APIRequestContext) => Promise<APIResponse> }[] = [
    { name: "no body, no content type", send: (c) => c.fetch("/api/auth/sign-out", { method: "POST" }) },
    { name: "a form body", send: (c) => c.post("/api/auth/sign-out", { form: { a: "b" } }) },
    {
      name: "text/plain",
      send: (c) => c.post("/api/auth/sign-out", { headers: { "content-type": "text/plain" }, data: "hello" }),
    },
  ];
  for (const variant of variants) {
    const cookie = await signInCookie(E2E.consoleUrl, CONSOLE_ACCOUNTS.reviewer.email, CONSOLE_PASSWORD);
    const c = await client(E2E.consoleUrl, { cookie });
    expect((await c.get("/api/audit?limit=1")).status(), variant.name).toBe(200);
    const res = await variant.send(c);
    expect(res.status(), variant.name).toBe(200);
    expect((await c.get("/api/audit?limit=1")).status(), `${variant.name}: the old cookie still works`).toBe(
      401,
    );
    await c.dispose();
  }
});

test("a path with a malformed percent-escape is a 400 (JSON under /api), not a 500", async () => {
  const c = await client(E2E.consoleUrl, {}, storageStatePath("admin"));
  const api = await c.get("/api/%ZZ");
  expect(api.status()).toBe(400);
  expect(api.headers()["content-type"]).toContain("application/json");
  expect((await api.json()).error.code).toBe("bad_request");
  for (const path of ["/service-accounts/%E0%A4%A", "/%ZZ"]) {
    const page = await c.get(path, { maxRedirects: 0 });
    expect(page.status(), path).toBe(400);
    expect(page.headers()["x-content-type-options"], path).toBe("nosniff");
  }
  await c.dispose();
});

test.describe("the same-origin check", () => {
  test("refuses a forwarded host the client made up, another scheme, or Sec-Fetch-Site: cross-site", async () => {
    const cases: Record<string, string>[] = [
      { origin: "http://evil.example", "x-forwarded-host": "evil.example" },
      { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      { origin: E2E.consoleUrl.replace("http:", "https:") },
      { origin: E2E.consoleUrl, "sec-fetch-site": "cross-site" },
    ];
    for (const headers of cases) {
      const c = await playwrightRequest.newContext({
        baseURL: E2E.consoleUrl,
        storageState: storageStatePath("admin"),
        extraHTTPHeaders: headers,
      });
      const res = await c.post("/api/users", {
        data: { email: "x@example.com", name: "X", role: "reviewer" },
      });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.code).toBe("cross_origin");
      const signIn = await c.post("/api/auth/sign-in/email", {
        data: { email: CONSOLE_ACCOUNTS.reviewer.email, password: CONSOLE_PASSWORD },
      });
      expect(signIn.status(), JSON.stringify(headers)).toBe(403);
      await c.dispose();
    }
  });
  test("accepts this origin, with Sec-Fetch-Site same-origin", async () => {
    const c = await client(E2E.consoleUrl, { "sec-fetch-site": "same-origin" });
    expect(
      (
        await c.post("/api/auth/sign-in/email", {
          data: { email: CONSOLE_ACCOUNTS.reviewer.email, password: CONSOLE_PASSWORD },
        })
      ).status(),
    ).toBe(200);
    await c.dispose();
  });
});

test.describe("pages", () => {
  test("each page has its own nonce CSP with no 'unsafe-inline' script, and the API keeps its security headers", async () => {
    const c = await client(E2E.consoleUrl, {}, storageStatePath("admin"));
    const policies: string[] = [];
    for (const path of ["/", "/sign-in", "/inventory"]) {
      const res = await c.get(path);
      const csp = res.headers()["content-security-policy"]!;
      const script = csp
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith("script-src"))!;
      expect(script, path).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}' 'strict-dynamic'$/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers()["x-frame-options"]).toBe("DENY");
      const nonce = /'nonce-([^']+)'/.exec(script)![1]!;
      expect(await res.text(), path).toContain(`nonce="${nonce}"`);
      policies.push(csp);
    }
    expect(new Set(policies).size).toBe(policies.length);
    const api = await c.get("/api/audit?limit=1");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(api.headers()["content-security-policy"]).toContain("script-src 'self';");
    await c.dispose();
  });

  test("a signed-out page request goes to /sign-in, keeping where it was going (same-site paths only)", async () => {
    const c = await playwrightRequest.newContext({
      baseURL: E2E.consoleUrl,
      storageState: { cookies: [], origins: [] },
    });
    const res = await c.get("/inventory?flag=stale", { maxRedirects: 0 });
    expect([302, 303, 307]).toContain(res.status());
    const location = new URL(res.headers()["location"]!, E2E.consoleUrl);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("next")).toBe("/inventory?flag=stale");
    await c.dispose();
  });

  test("the sign-in page hydrates under the nonce CSP, with no violation, and returns to where it was going", async ({
    browser,
  }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      // A failed load is reported below with its address.
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && new URL(r.url()).pathname !== "/favicon.ico")
        problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto("/inventory");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Finventory$/);
    // Client-side validation: only a hydrated form says this without a round trip.
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter an email address like name@example.com")).toBeVisible();
    await page.getByLabel("Email").fill(CONSOLE_ACCOUNTS.reviewer.email);
    await page.getByLabel("Password").fill(CONSOLE_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/inventory$/);
    await expect(page.getByText(`Signed in as ${CONSOLE_ACCOUNTS.reviewer.email}`)).toBeVisible();
    expect(problems).toEqual([]);

    // Somewhere else than Keydesk is never a place to return to.
    for (const next of [
      "//evil.example/x",
      "https://evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
    ]) {
      await context.clearCookies();
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill(CONSOLE_ACCOUNTS.reviewer.email);
      await page.getByLabel("Password").fill(CONSOLE_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByText(`Signed in as ${CONSOLE_ACCOUNTS.reviewer.email}`)).toBeVisible();
      expect(new URL(page.url()).origin, next).toBe(E2E.consoleUrl);
    }
    await context.close();
  });
});
