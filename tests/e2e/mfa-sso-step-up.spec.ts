// Step-up for a person who signs in with single sign-on (no Keydesk password): on this server a
// sign-in is "recent" for 10 seconds. Once it is not, deleting a key opens "Confirm it's you" with
// "Confirm with Test ID" and no password field; the provider's sign-in runs in a popup, and the
// delete goes ahead by itself in the original tab. The old session ends, the new one is stamped as
// a step-up, and the delete's audit row says so.
import type { Page } from "@playwright/test";
import { OIDC_TEST_PEOPLE } from "@/tests/support/oidc-test-accounts";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";
import { adminPage, auditEntries } from "@/tests/support/mfa-users";
import { E2E } from "@/tests/support/e2e-servers";

const ACCOUNT = "Production TTS backend";
const KEY = "prod-tts-legacy";
const person = OIDC_TEST_PEOPLE.admin;
const row = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

/** The provider's page: whoever it is told, it signs in (the test provider asks for an email only). */
async function continueAtProvider(page: Page, email: string) {
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
}

async function stepUpState(page: Page) {
  return (
    (await (await page.request.get("/api/account/step-up")).json()) as {
      stepUp: { recent: boolean; password?: boolean; sso?: { name: string } | null };
    }
  ).stepUp;
}

test("an SSO admin with no password confirms it's them through the provider in a popup, and the delete goes ahead", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Test ID" }).click();
  await continueAtProvider(page, person.email);
  await expect(page.getByText(`Signed in as ${person.email}`)).toBeVisible();
  const before = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).sort();
  await expect
    .poll(async () => (await stepUpState(page)).recent, { timeout: 30_000, intervals: [1000] })
    .toBe(false);
  expect(await stepUpState(page)).toMatchObject({ withPassword: false, sso: { name: "Test ID" } });

  await page.goto("/service-accounts");
  await page.getByRole("region", { name: ACCOUNT }).getByRole("link", { name: ACCOUNT }).click();
  await row(page, KEY)
    .getByRole("button", { name: `Delete ${KEY}` })
    .click();
  const dialog = page.getByRole("dialog", { name: `Delete ${KEY}?` });
  await dialog.getByRole("textbox", { name: `Type ${KEY} to confirm` }).fill(KEY);
  await dialog.getByRole("button", { name: "Delete key" }).click();

  const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(stepUp).toBeVisible();
  await expect(stepUp.getByLabel("Password")).toHaveCount(0);
  const [popup, authorize] = await Promise.all([
    page.waitForEvent("popup"),
    page.context().waitForEvent("request", (r) => r.url().startsWith(`${E2E.oidcUrl}/auth`)),
    stepUp.getByRole("button", { name: "Confirm with Test ID" }).click(),
  ]);
  // The provider is asked to make the person sign in again, not wave them through on its own session.
  expect(new URL(authorize.url()).searchParams.get("prompt")).toBe("login");
  await continueAtProvider(popup, person.email);
  await popup.waitForEvent("close");

  // The delete carries on by itself in the original tab; the emulator no longer has the key.
  await expect(stepUp).toHaveCount(0);
  await expect(dialog).toHaveCount(0);
  await expect(row(page, KEY)).toHaveCount(0);
  const { "service-accounts": accounts } = await emulator.admin<{
    "service-accounts": { name: string; "api-keys": { name: string }[] }[];
  }>("GET", "/v1/service-accounts");
  expect(accounts.find((a) => a.name === ACCOUNT)!["api-keys"].map((k) => k.name)).not.toContain(KEY);

  // A new session replaced the old one (its cookie no longer signs anyone in).
  const after = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).sort();
  expect(after).not.toEqual(before);
  const stale = await browser.newContext({ baseURL: E2E.mfaUrl });
  const [name, ...value] = before.find((c) => c.includes("session_token"))!.split("=");
  await stale.addCookies([{ name: name!, value: value.join("="), url: E2E.mfaUrl }]);
  expect((await stale.request.get("/api/account/step-up")).status()).toBe(401);
  await stale.close();

  const admin = await adminPage(browser);
  const [deleted] = await auditEntries(admin, { action: "key_deleted" });
  expect(deleted).toMatchObject({
    outcome: "ok",
    actor: { email: person.email },
    target: { name: KEY },
    details: { steppedUp: true },
  });
  const [reauth] = await auditEntries(admin, { action: "reauthenticated", actor: person.email });
  expect(reauth).toMatchObject({ outcome: "ok", details: { method: "sso" } });
  const signIns = await auditEntries(admin, { action: "sign_in_sso", actor: person.email });
  expect(signIns.filter((e) => e.outcome === "ok").length).toBeGreaterThanOrEqual(2);
  await admin.context().close();
});
