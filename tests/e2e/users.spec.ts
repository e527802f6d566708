// Keydesk's own users: an admin adds one and gets a one-time link (nobody types anyone else's
// password), the person sets their own password with it (once), a role change is confirmed first,
// a reset gives a new link and ends their sessions, disabling signs them out; the last admin stays.
import type { Browser, Page } from "@playwright/test";
import { CONSOLE_ACCOUNTS, storageStatePath } from "@/tests/support/e2e-accounts";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { expect, test } from "@/tests/support/emulator-fixture";
import { signIn } from "@/tests/support/sign-in";

const SUMMARY_FIELDS = ["createdAt", "disabled", "email", "id", "name", "pending", "role"];

function row(page: Page, email: string) {
  return page.locator("tr", { has: page.getByRole("rowheader", { name: email }) });
}

/** Reads the link out of the one-time link dialog, copying it with its button, and closes the dialog. */
async function copyLink(page: Page, email: string): Promise<string> {
  const dialog = page.getByRole("dialog", { name: `One-time link for ${email}` });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, "the one-time link dialog");
  const url = await dialog.getByLabel(`Link for ${email}`).inputValue();
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Copy link" }).click();
  await expect(dialog.getByText("The link is on your clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  return url;
}

/** Opens a one-time link in a browser of its own (no session) and sets the password with it. */
async function setPasswordWithLink(browser: Browser, url: string, password: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByRole("heading", { level: 1 })).toContainText("password");
  await other.getByLabel("New password", { exact: true }).fill("password1234");
  await other.getByLabel("The same password again").fill("password1234");
  await other.getByRole("button", { name: "Set password" }).click();
  await expect(other.getByText("The password is too common.")).toBeVisible();
  await expectNoAxeViolations(other, "the invite page with an error");
  await other.getByLabel("New password", { exact: true }).fill(password);
  await other.getByLabel("The same password again").fill(password);
  await other.getByRole("button", { name: "Set password" }).click();
  await expect(other.getByRole("status")).toContainText("Your password is set.");
  return other;
}

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("adds a user with a one-time link, who sets their own password once; role change, reset, disable", async ({
    page,
    browser,
    context,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    const email = `person-${Date.now()}@e2e.example`;
    const firstPassword = "Harbour-Lights-73";
    const newPassword = "Quiet-Meadow-5150";

    await page.goto("/users");
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    const form = page.getByRole("region", { name: "Add user" });
    // An admin never types someone else's password.
    await expect(page.getByLabel(/password/i)).toHaveCount(0);
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Pat Person");
    await form.getByLabel("Role").selectOption("support");
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/users") && r.request().method() === "POST"),
      form.getByRole("button", { name: "Add user" }).click(),
    ]);
    expect(created.status()).toBe(201);
    expect(created.headers()["cache-control"]).toBe("no-store");
    const link = await copyLink(page, email);
    await expect(page.getByRole("status").filter({ hasText: `Added ${email} as Support.` })).toBeVisible();
    await expect(row(page, email)).toContainText("Pat Person");
    await expect(form.getByLabel("Email")).toHaveValue("");

    // The same email again: refused on the email field, with what was typed kept.
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Pat Again");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByText("A user with this email already exists.")).toBeVisible();
    await expect(form.getByLabel("Name")).toHaveValue("Pat Again");

    // The API lists summaries only: no password hash, no session token, no link.
    const listed = await page.request.get("/api/users");
    expect(listed.status()).toBe(200);
    const { users } = (await listed.json()) as { users: Record<string, unknown>[] };
    expect(users.find((u) => u.email === email)).toMatchObject({
      name: "Pat Person",
      role: "support",
      disabled: false,
      pending: false,
    });
    for (const u of users) expect(Object.keys(u).sort()).toEqual(SUMMARY_FIELDS);

    // The new person opens the link in their own browser, sets a password, and signs in with it.
    const other = await setPasswordWithLink(browser, link, firstPassword);
    let resetLink = "";
    try {
      await other.getByRole("link", { name: "Sign in" }).click();
      await expect(other).toHaveURL(/\/sign-in$/);
      await signIn(other, email, firstPassword);

      // The same link a second time: refused, saying why.
      const again = await browser.newPage();
      await again.goto(link);
      await expect(
        again.getByRole("alert").filter({ hasText: "This link has been used already." }),
      ).toBeVisible();
      const token = link.split("/").pop()!;
      const reuse = await again.request.post("/api/invites/accept", {
        headers: { origin: baseURL! },
        data: { token, password: "Another-Choice-9981" },
      });
      expect(reuse.status()).toBe(409);
      expect(((await reuse.json()) as { error: { message: string } }).error.message).toContain(
        "used already",
      );
      await again.close();

      // A role change asks first, naming the user and both roles; Cancel (or Esc) changes nothing:
      // no write is sent, and the server still has the old role.
      const userWrites: string[] = [];
      const countWrites = (r: { method(): string; url(): string }) => {
        if (r.method() !== "GET" && new URL(r.url()).pathname.startsWith("/api/users/"))
          userWrites.push(r.url());
      };
      page.on("request", countWrites);
      await row(page, email).getByLabel(`Role of ${email}`).selectOption("reviewer");
      const roleDialog = page.getByRole("dialog", { name: `Change the role of ${email}?` });
      await expect(roleDialog).toContainText("Pat Person");
      await expect(roleDialog).toContainText("Support");
      await expect(roleDialog).toContainText("Security reviewer");
      await roleDialog.getByRole("button", { name: "Cancel" }).click();
      await expect(roleDialog).toBeHidden();
      await expect(row(page, email).getByLabel(`Role of ${email}`)).toHaveValue("support");
      await row(page, email).getByLabel(`Role of ${email}`).selectOption("admin");
      await expect(roleDialog).toContainText("Workspace admin");
      await page.keyboard.press("Escape");
      await expect(roleDialog).toBeHidden();
      await expect(row(page, email).getByLabel(`Role of ${email}`)).toHaveValue("support");
      page.off("request", countWrites);
      expect(userWrites).toEqual([]);
      const listed = (await (await page.request.get("/api/users")).json()) as {
        users: { email: string; role: string | null }[];
      };
      expect(listed.users.find((u) => u.email === email)?.role).toBe("support");
      await row(page, email).getByLabel(`Role of ${email}`).selectOption("reviewer");
      await roleDialog.getByRole("button", { name: "Change role" }).click();
      await expect(
        page.getByRole("status").filter({ hasText: `${email} is now Security reviewer.` }),
      ).toBeVisible();
      await page.reload();
      await expect(row(page, email).getByLabel(`Role of ${email}`)).toHaveValue("reviewer");

      // Reset the password: asked first; their session ends at once and a new link comes back.
      await row(page, email)
        .getByRole("button", { name: `Reset password of ${email}` })
        .click();
      const resetDialog = page.getByRole("dialog", { name: `Reset the password of ${email}?` });
      await expect(resetDialog).toContainText("Their password stops working and their sessions end at once");
      await resetDialog.getByRole("button", { name: "Reset and make a link" }).click();
      resetLink = await copyLink(page, email);
      expect(resetLink).not.toBe(link);
      await expect(
        page.getByRole("status").filter({ hasText: `The password of ${email} was reset` }),
      ).toBeVisible();
      await other.goto("/");
      await expect(other).toHaveURL(/\/sign-in$/);
      await other.getByLabel("Email").fill(email);
      await other.getByLabel("Password").fill(firstPassword);
      await other.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(
        other.getByRole("alert").filter({ hasText: "do not match an enabled Keydesk account" }),
      ).toBeVisible();
      const resetPage = await setPasswordWithLink(browser, resetLink, newPassword);
      await resetPage.context().close();
      await signIn(other, email, newPassword);

      // Disable them while they are signed in there: after confirming, their next page load signs them out.
      await row(page, email)
        .getByRole("button", { name: `Disable ${email}` })
        .click();
      const disableDialog = page.getByRole("dialog", { name: `Disable ${email}?` });
      await expect(disableDialog).toContainText("Their sessions end at once");
      await disableDialog.getByRole("button", { name: "Disable user" }).click();
      await expect(disableDialog).toBeHidden();
      await expect(row(page, email)).toContainText("Disabled");
      await other.goto("/");
      await expect(other).toHaveURL(/\/sign-in$/);
      await other.getByLabel("Email").fill(email);
      await other.getByLabel("Password").fill(newPassword);
      await other.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(
        other.getByRole("alert").filter({ hasText: "do not match an enabled Keydesk account" }),
      ).toBeVisible();

      // Enable them again: they can sign in.
      await row(page, email)
        .getByRole("button", { name: `Enable ${email}` })
        .click();
      await expect(page.getByRole("status").filter({ hasText: `Enabled ${email}` })).toBeVisible();
      await expect(row(page, email)).toContainText("Enabled");
      await signIn(other, email, newPassword);
    } finally {
      await other.context().close();
    }

    // Everything is on the audit log, and no link's token is.
    const audit = await (
      await page.request.get(`/api/audit/export?format=json&target=${encodeURIComponent(email)}`)
    ).text();
    for (const action of [
      "user_created",
      "user_invite_created",
      "user_invite_used",
      "user_invite_refused",
      "user_role_changed",
      "user_password_reset",
    ])
      expect(audit).toContain(action);
    for (const url of [link, resetLink]) expect(audit).not.toContain(url.split("/").pop()!);
  });

  test("an unknown link is refused with a clear message", async ({ page }) => {
    await page.goto(`/invite/${"A".repeat(43)}`);
    await expect(
      page.getByRole("alert").filter({ hasText: "This link is not a valid Keydesk link." }),
    ).toBeVisible();
    await expect(page.getByLabel("New password")).toHaveCount(0);
  });

  test("cannot demote or disable the only admin", async ({ page }) => {
    const admin = CONSOLE_ACCOUNTS.admin.email;
    await page.goto("/users");
    const roleSelect = row(page, admin).getByLabel(`Role of ${admin}`);
    await roleSelect.selectOption("support");
    const roleDialog = page.getByRole("dialog", { name: `Change the role of ${admin}?` });
    await roleDialog.getByRole("button", { name: "Change role" }).click();
    await expect(roleDialog.getByRole("alert")).toContainText("last enabled admin");
    await roleDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(roleSelect).toHaveValue("admin");

    await row(page, admin)
      .getByRole("button", { name: `Disable ${admin}` })
      .click();
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
