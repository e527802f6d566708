// Signing in the way a person does: the sign-in page, email and password.
import { expect, type Page } from "@playwright/test";

/** `base`: an absolute origin when the test has no baseURL (the cluster tests). */
export async function signIn(page: Page, email: string, password: string, base = ""): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // The first sign-in on a fresh instance also migrates its database and hashes a password.
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible({ timeout: 20_000 });
}
