// Keydesk's own users: an admin adds one, changes their role, resets their password, disables and
// re-enables them (ending their sessions at once), and cannot demote or disable the last admin.
import type { Page } from "@playwright/test";
import { CONSOLE_ACCOUNTS, storageStatePath } from "./support/accounts";
import { expect, test } from "./support/emulator";
import { signIn } from "./support/sign-in";

const SUMMARY_FIELDS = ["createdAt", "disabled", "email", "id", "name", "role"];

function row(page: Page, email: string) {
  return page.locator("tr", { has: page.getByRole("rowheader", { name: email }) });
}

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("adds a user, changes their role, resets their password, disables and re-enables them", async ({ page, browser, baseURL }) => {
    test.setTimeout(90_000);
    const email = `person-${Date.now()}@e2e.example`;
    const firstPassword = "Harbour-Lights-73";
    const newPassword = "Quiet-Meadow-5150";

    await page.goto("/users");
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    const form = page.getByRole("region", { name: "Add user" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Pat Person");
    await form.getByLabel("Role").selectOption("support");
    await form.getByLabel("Password").fill("short");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByText("The password must be at least 12 characters.")).toBeVisible();
    await form.getByLabel("Password").fill(firstPassword);
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Added ${email} as Support.` })).toBeVisible();
    await expect(row(page, email)).toContainText("Pat Person");
    await expect(form.getByLabel("Email")).toHaveValue("");

    // The same email again: refused on the email field, with what was typed kept.
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Pat Again");
    await form.getByLabel("Password").fill(firstPassword);
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByText("A user with this email already exists.")).toBeVisible();
    await expect(form.getByLabel("Name")).toHaveValue("Pat Again");

    // The API lists summaries only: no password hash, no session token.
    const listed = await page.request.get("/api/users");
    expect(listed.status()).toBe(200);
    const { users } = (await listed.json()) as { users: Record<string, unknown>[] };
    expect(users.find((u) => u.email === email)).toMatchObject({ name: "Pat Person", role: "support", disabled: false });
    for (const u of users) expect(Object.keys(u).sort()).toEqual(SUMMARY_FIELDS);

    // Change the role: saved on change, and still there after a reload.
    await row(page, email).getByLabel(`Role of ${email}`).selectOption("reviewer");
    await expect(page.getByRole("status").filter({ hasText: `${email} is now Security reviewer.` })).toBeVisible();
    await page.reload();
    await expect(row(page, email).getByLabel(`Role of ${email}`)).toHaveValue("reviewer");

    // Reset the password, then sign in with the new one in a fresh browser.
    await row(page, email).getByRole("button", { name: `Reset password of ${email}` }).click();
    const resetDialog = page.getByRole("dialog", { name: `Reset the password of ${email}` });
    await expect(resetDialog.getByLabel("New password")).toBeFocused();
    await resetDialog.getByLabel("New password").fill("password1234");
    await resetDialog.getByRole("button", { name: "Set password" }).click();
    await expect(resetDialog.getByText("The password is too common.")).toBeVisible();
    await resetDialog.getByLabel("New password").fill(newPassword);
    await resetDialog.getByRole("button", { name: "Set password" }).click();
    await expect(resetDialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `The password of ${email} was reset` })).toBeVisible();

    const elsewhere = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const other = await elsewhere.newPage();
    try {
      await signIn(other, email, newPassword);

      // Disable them while they are signed in there: after confirming, their next page load signs them out.
      await row(page, email).getByRole("button", { name: `Disable ${email}` }).click();
      const disableDialog = page.getByRole("dialog", { name: `Disable ${email}?` });
      await expect(disableDialog).toContainText("Their sessions end at once");
      await disableDialog.getByRole("button", { name: "Disable user" }).click();
      await expect(disableDialog).toBeHidden();
      await expect(row(page, email)).toContainText("Disabled");
      await other.goto("/");
      await expect(other).toHaveURL(/\/sign-in$/);
      await other.getByLabel("Email").fill(email);
      await other.getByLabel("Password").fill(newPassword);
      await other.getByRole("button", { name: "Sign in" }).click();
      await expect(other.getByRole("alert").filter({ hasText: "do not match an enabled Keydesk account" })).toBeVisible();

      // Enable them again: they can sign in.
      await row(page, email).getByRole("button", { name: `Enable ${email}` }).click();
      await expect(page.getByRole("status").filter({ hasText: `Enabled ${email}` })).toBeVisible();
      await expect(row(page, email)).toContainText("Enabled");
      await signIn(other, email, newPassword);
    } finally {
      await elsewhere.close();
    }
  });

  test("cannot demote or disable the only admin", async ({ page }) => {
    const admin = CONSOLE_ACCOUNTS.admin.email;
    await page.goto("/users");
    const roleSelect = row(page, admin).getByLabel(`Role of ${admin}`);
    await roleSelect.selectOption("support");
    await expect(page.getByRole("alert").filter({ hasText: `The role of ${admin} was not changed` })).toContainText("last enabled admin");
    await expect(roleSelect).toHaveValue("admin");

    await row(page, admin).getByRole("button", { name: `Disable ${admin}` }).click();
    const dialog = page.getByRole("dialog", { name: `Disable ${admin}?` });
    await dialog.getByRole("button", { name: "Disable user" }).click();
    await expect(dialog.getByRole("alert")).toContainText("last enabled admin");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();

    await page.reload();
    await expect(row(page, admin).getByLabel(`Role of ${admin}`)).toHaveValue("admin");
    await expect(row(page, admin)).toContainText("Enabled");
  });
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStatePath("reviewer") });

  test("sees that only admins manage users, and the API refuses", async ({ page }) => {
    await page.goto("/users");
    await expect(page.getByText("Only workspace admins can manage users")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    const res = await page.request.get("/api/users");
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  });
});
