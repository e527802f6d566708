// Two Keydesk instances on one PostgreSQL database, as behind a load balancer: a session made on
// one works on the other, both write the audit chain at once and it still verifies, and an edit
// made straight in SQL is named by verification on either.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { Client } from "pg";
import { CONSOLE_ACCOUNTS, CONSOLE_PASSWORD } from "@/tests/support/e2e-accounts";
import { signIn } from "@/tests/support/sign-in";
import { E2E } from "@/tests/support/e2e-servers";

const [A, B] = [E2E.clusterUrl(0), E2E.clusterUrl(1)];
const admin = CONSOLE_ACCOUNTS.admin;

test.describe.configure({ mode: "serial" });

test("a session made on one instance works on the other, and signing out on either ends it", async ({
  page,
}) => {
  await signIn(page, admin.email, CONSOLE_PASSWORD, A);
  await expect(page).toHaveURL(`${A}/`);
  // Cookies belong to the host, not the port: the same browser is now at instance B.
  await page.goto(`${B}/`);
  await expect(page.getByText(`Signed in as ${admin.email}`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${B}/sign-in`);
  await page.goto(`${A}/`);
  await expect(page).toHaveURL(`${A}/sign-in`);
});

test("both instances append to the audit chain at once, and it verifies", async () => {
  const clients = await Promise.all(
    [A, B].map((base) => playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } })),
  );
  const stamp = Date.now();
  await Promise.all(
    clients.flatMap((client, instance) =>
      // 10 each: the per-address sign-in limit (30 a minute) is shared by the instances too.
      Array.from({ length: 10 }, (_, i) =>
        client
          .post("/api/auth/sign-in/email", {
            data: { email: `burst-${stamp}-${instance}-${i}@e2e.example`, password: "wrong-password-1" },
          })
          .then((r) => expect(r.status()).toBe(401)),
      ),
    ),
  );
  const signedIn = await playwrightRequest.newContext({ baseURL: A, extraHTTPHeaders: { origin: A } });
  expect(
    (
      await signedIn.post("/api/auth/sign-in/email", {
        data: { email: admin.email, password: CONSOLE_PASSWORD },
      })
    ).status(),
  ).toBe(200);
  for (const base of [A, B]) {
    const report = await (await signedIn.get(`${base}/api/audit/verify`)).json();
    expect(report).toMatchObject({ ok: true });
    expect(report.rows).toBeGreaterThanOrEqual(21);
  }
  const burst = await (await signedIn.get(`/api/audit?action=sign_in&actor=burst-${stamp}&limit=100`)).json();
  expect(burst.entries).toHaveLength(20);
  for (const c of [...clients, signedIn]) await c.dispose();
});

test("a row edited in SQL is named by verification on either instance", async ({ page }) => {
  const db = new Client({ connectionString: E2E.clusterDatabaseUrl! });
  await db.connect();
  let tamperedId: number;
  try {
    const { rows } = await db.query<{ id: string }>(
      "SELECT id FROM audit_log WHERE action = 'sign_in' ORDER BY id LIMIT 1 OFFSET 10",
    );
    tamperedId = Number(rows[0]!.id);
    // The table refuses edits by trigger; a database superuser can switch that off, which is
    // exactly the tampering the chain exists to reveal.
    await db.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
    await db.query("UPDATE audit_log SET actor_email = 'mallory@evil.example' WHERE id = $1", [tamperedId]);
    await db.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
  } finally {
    await db.end();
  }
  await signIn(page, admin.email, CONSOLE_PASSWORD, B);
  await page.goto(`${B}/audit`);
  await page.getByRole("button", { name: "Verify the log's integrity" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tampered" })).toContainText(
    `row ${tamperedId} was altered`,
  );
  const report = await (await page.request.get(`${A}/api/audit/verify`)).json();
  expect(report).toMatchObject({ ok: false, problem: "altered", firstBadId: tamperedId });
});

test("the sign-in rate limit is one count across both instances", async () => {
  // One made-up address for this test alone, so other tests' sign-ins are not throttled (the
  // cluster's instances trust 127.0.0.1 as their proxy, see playwright.config.ts).
  const headers = { origin: A, "x-forwarded-for": "203.0.113.77" };
  const clients = await Promise.all(
    [A, B].map((base) =>
      playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { ...headers, origin: base } }),
    ),
  );
  const statuses: number[] = [];
  for (let i = 0; i < 34; i++) {
    const res = await clients[i % 2]!.post("/api/auth/sign-in/email", {
      data: { email: `limit-${Date.now()}-${i}@e2e.example`, password: "wrong-password-1" },
    });
    statuses.push(res.status());
  }
  // 30 a minute per address in all: the first 30 are judged on their merits, the rest refused,
  // whichever instance they reach.
  expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(30)).toEqual([429, 429, 429, 429]);
  for (const c of clients) await c.dispose();
});
