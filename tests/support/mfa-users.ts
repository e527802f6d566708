// Helpers for the mfa-*.spec.ts tests (their own Keydesk server: support must use two-factor
// sign-in, and the step-up window is a few seconds): new users, enrolment as a person does it, and
// reading the audit log as the admin.
import { expect, type Browser, type Page } from "@playwright/test";
import { secretFromUri, totp } from "./totp";
import { CONSOLE_ACCOUNTS, CONSOLE_PASSWORD } from "./e2e-accounts";
import { signIn } from "./sign-in";

/** A signed-in admin page in a context of its own. */
export async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, CONSOLE_ACCOUNTS.admin.email, CONSOLE_PASSWORD);
  return page;
}

/** A new Keydesk user (a fresh email each run), added by the admin through the users API; the
 * person then sets their password (CONSOLE_PASSWORD) with the one-time link, as they would. */
export async function addUser(
  admin: Page,
  role: "admin" | "support" | "reviewer",
  label: string,
): Promise<string> {
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`;
  const origin = new URL(admin.url()).origin;
  const res = await admin.request.post("/api/users", {
    headers: { origin },
    data: { email, name: label, role },
  });
  expect(res.status()).toBe(201);
  const token = new URL(((await res.json()) as { invite: { url: string } }).invite.url).pathname
    .split("/")
    .pop()!;
  const accepted = await admin.request.post("/api/invites/accept", {
    headers: { origin },
    data: { token, password: CONSOLE_PASSWORD },
  });
  expect(accepted.status()).toBe(200);
  return email;
}

/** Enrols on the account page the way a person does; returns the TOTP secret and the recovery codes. */
export async function enrol(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  if (!new URL(page.url()).pathname.startsWith("/account"))
    await page.getByRole("link", { name: "Your account" }).click();
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await page.getByLabel("Your password").fill(CONSOLE_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const uri = (await page.getByTestId("otpauth-uri").textContent()) ?? "";
  expect(uri).toMatch(/^otpauth:\/\/totp\/Keydesk/);
  const secret = secretFromUri(uri);
  await page.getByLabel("Code from the app").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Two-factor sign-in is on.")).toBeVisible();
  const recoveryCodes = await page
    .getByRole("list", { name: "Recovery codes" })
    .getByRole("listitem")
    .allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText("Signing in asks for a code")).toBeVisible();
  return { secret, recoveryCodes };
}

/** A 6-digit code that is not valid now (nor one step either side). */
export function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([totp(secret, now - 30_000), totp(secret, now), totp(secret, now + 30_000)]);
  return ["000000", "111111", "222222", "333333"].find((c) => !valid.has(c))!;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** The password step of sign-in, for someone who then gets asked for a code. */
export async function passwordStep(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(CONSOLE_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Verify and sign in" })).toBeVisible({ timeout: 20_000 });
}

export interface AuditEntryJson {
  action: string;
  outcome: string;
  errorCode: string | null;
  actor: { email: string | null };
  target: { name: string | null };
  details?: Record<string, unknown> | null;
}

export async function auditEntries(admin: Page, query: Record<string, string>): Promise<AuditEntryJson[]> {
  const res = await admin.request.get(`/api/audit?${new URLSearchParams(query)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { entries: AuditEntryJson[] }).entries;
}
