// Single sign-on through a real OpenID Connect provider on loopback (tests/support/oidc-provider.ts):
// a person whose group maps to a role lands in the console with it; a person whom nothing maps
// waits as pending (a waiting page, 403 from every API handler) until an admin gives them a role.
import type { Browser, Page } from "@playwright/test";
import { OIDC_TEST_PEOPLE } from "@/tests/support/oidc-test-accounts";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { expect, test } from "@/tests/support/emulator-fixture";
import { discoverApiRoutes, PUBLIC_API_ROUTES } from "@/tests/support/api-routes";
import { E2E } from "@/tests/support/e2e-servers";

test.describe.configure({ mode: "serial" });

/** Public handlers: better-auth's sign-in surface and the one-time password link. */

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: E2E.consoleUrl,
    storageState: { cookies: [], origins: [] },
  });
  return context.newPage();
}

async function signInWithProvider(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Test ID" }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(E2E.oidcUrl);
  // The request Keydesk sent: authorization code flow with PKCE (S256), a state and a nonce.
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Audit entries of one action whose actor (or, with by = "target", whose target user) matches the email. */
async function auditEntries(page: Page, action: string, email: string, by: "actor" | "target" = "actor") {
  const res = await page.request.get(
    `/api/audit?action=${action}&${by}=${encodeURIComponent(email)}&limit=20`,
  );
  expect(res.status()).toBe(200);
  return (
    (await res.json()) as {
      entries: {
        outcome: string;
        errorCode: string | null;
        actor: { email: string | null; role: string | null };
        changes: unknown;
        reason: string | null;
      }[];
    }
  ).entries;
}

test.describe("with the admin watching", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("the sign-in request carries PKCE, state and nonce", async ({ browser }) => {
    const page = await freshPage(browser);
    await page.goto("/sign-in");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().startsWith(`${E2E.oidcUrl}/auth`)),
      page.getByRole("button", { name: "Sign in with Test ID" }).click(),
    ]);
    const params = new URL(request.url()).searchParams;
    expect(params.get("response_type")).toBe("code");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(params.get("state")).toBeTruthy();
    expect(params.get("nonce")).toBeTruthy();
    expect(params.get("redirect_uri")).toBe(`${E2E.consoleUrl}/api/auth/callback/oidc`);
    await page.context().close();
  });

  test("a person whose group maps to support lands on the console as Support", async ({
    browser,
    page: adminPage,
  }) => {
    const person = OIDC_TEST_PEOPLE.support;
    const page = await freshPage(browser);
    await signInWithProvider(page, person.email);
    await expect(page).toHaveURL(`${E2E.consoleUrl}/`);
    await expect(page.getByText(`Signed in as ${person.email}`)).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Support");
    expect((await page.request.get("/api/inventory")).status()).toBe(200);
    expect((await page.request.get("/api/users")).status()).toBe(403);

    const [created] = await auditEntries(adminPage, "user_sso_created", person.email);
    expect(created).toMatchObject({ outcome: "ok", changes: { role: { before: null, after: "support" } } });
    const [signedIn] = await auditEntries(adminPage, "sign_in_sso", person.email);
    expect(signedIn).toMatchObject({ outcome: "ok", actor: { email: person.email, role: "support" } });
    await page.context().close();
  });

  test("a person whom no group maps waits as pending until an admin gives a role", async ({
    browser,
    page: adminPage,
  }) => {
    test.setTimeout(90_000);
    const person = OIDC_TEST_PEOPLE.newcomer;
    const page = await freshPage(browser);
    await signInWithProvider(page, person.email);
    await expect(page).toHaveURL(`${E2E.consoleUrl}/pending`);
    await expect(
      page.getByRole("heading", { name: "Waiting for an admin to give you a role" }),
    ).toBeVisible();
    await expect(page.getByText(person.email)).toBeVisible();
    await expectNoAxeViolations(page, "the waiting page");
    // Every other page leads back here, and every API handler refuses with 403.
    await page.goto("/inventory");
    await expect(page).toHaveURL(`${E2E.consoleUrl}/pending`);
    await page.goto("/sign-in");
    await expect(page).toHaveURL(`${E2E.consoleUrl}/pending`);
    for (const route of discoverApiRoutes()) {
      if (PUBLIC_API_ROUTES.has(route.pattern)) continue;
      for (const method of route.methods) {
        const res = await page.request.fetch(route.samplePath, {
          method,
          data: method === "GET" ? undefined : {},
          headers: { origin: E2E.consoleUrl },
        });
        expect(res.status(), `${method} ${route.pattern}`).toBe(403);
      }
    }
    const [created] = await auditEntries(adminPage, "user_sso_created", person.email);
    expect(created).toMatchObject({ outcome: "ok", changes: { role: { before: null, after: "pending" } } });

    // The admin sees them waiting, and gives them a role (confirming who, from what, to what).
    await adminPage.goto("/users");
    const waiting = adminPage.getByRole("region", { name: "1 person is waiting for a role" });
    await expect(waiting).toContainText(person.email);
    const row = adminPage.locator("tr", { has: adminPage.getByRole("rowheader", { name: person.email }) });
    await expect(row).toContainText("Waiting for a role");
    await row.getByLabel(`Role of ${person.email}`).selectOption("reviewer");
    const dialog = adminPage.getByRole("dialog", { name: `Give ${person.email} a role?` });
    await expect(dialog).toContainText("Pending (no access yet)");
    await expect(dialog).toContainText("Security reviewer");
    await expectNoAxeViolations(adminPage, "the give-a-role dialog over the users page with a pending user");
    await dialog.getByRole("button", { name: "Give role" }).click();
    await expect(
      adminPage.getByRole("status").filter({ hasText: `${person.email} is now Security reviewer.` }),
    ).toBeVisible();
    await expect(waiting).toBeHidden();
    const [given] = await auditEntries(adminPage, "user_role_given", person.email, "target");
    expect(given).toMatchObject({
      outcome: "ok",
      changes: { role: { before: "pending", after: "reviewer" } },
    });

    await page.goto("/");
    await expect(page.getByText(`Signed in as ${person.email}`)).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Security reviewer");
    expect((await page.request.get("/api/inventory")).status()).toBe(200);
    await page.context().close();
  });

  test("a callback that does not come from a sign-in Keydesk started is refused and audited", async ({
    browser,
    page: adminPage,
  }) => {
    const page = await freshPage(browser);
    await page.goto("/api/auth/callback/oidc?code=forged-code&state=forged-state");
    await expect(page).toHaveURL(/\/sign-in\?error=/);
    await expect(
      page.getByRole("alert").filter({ hasText: "Signing in with Test ID did not work" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in with Test ID" })).toBeVisible();
    const res = await adminPage.request.get("/api/audit?action=sign_in_sso&limit=5");
    const { entries } = (await res.json()) as { entries: { outcome: string; errorCode: string | null }[] };
    expect(entries[0]).toMatchObject({ outcome: "error" });
    expect(entries[0]!.errorCode).toBeTruthy();
    expect(JSON.stringify(entries)).not.toContain("forged-code");
    await page.context().close();
  });
});
