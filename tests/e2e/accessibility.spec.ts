// axe on every page and every dialog, in the states a person meets them: empty, filled, with
// errors, after a failure. The keyboard-only create flow is in keys-console.spec.ts.
import type { Page } from "@playwright/test";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

const ACCOUNT = "Production TTS backend";
const row = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

async function openAccount(page: Page) {
  await page.goto("/service-accounts");
  await page.getByRole("region", { name: ACCOUNT }).getByRole("link", { name: ACCOUNT }).click();
  await expect(page.getByRole("heading", { level: 1, name: ACCOUNT })).toBeVisible();
  await expect(row(page, "prod-tts-primary")).toBeVisible();
}

test.describe.configure({ timeout: 180_000 });

test("the checker itself finds violations (so a pass means something)", async ({ page }) => {
  await page.setContent(
    `<html lang="en"><head><title>t</title></head><body><main><h1>t</h1><input type="text"><img src="data:,"></main></body></html>`,
  );
  await expect(expectNoAxeViolations(page, "a page with an unlabelled input")).rejects.toThrow(/label/);
});

// Every check below runs twice: in the light scheme and in the dark one (prefers-color-scheme),
// which turns the palette over (app/globals.css) and so changes every contrast on every page.
for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test("the scheme reaches the page (so the checks below are of it)", async ({ page }) => {
      await page.goto("/service-accounts");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // The page's background, as the browser paints it: near white in light, near black in dark.
      const lightness = await page.evaluate(() => {
        const probe = document.createElement("canvas").getContext("2d")!;
        probe.fillStyle = getComputedStyle(document.body).backgroundColor;
        probe.fillRect(0, 0, 1, 1);
        const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
        return (r! + g! + b!) / 3 / 255;
      });
      if (colorScheme === "dark") expect(lightness).toBeLessThan(0.2);
      else expect(lightness).toBeGreaterThan(0.9);
    });

    test.describe("pages", () => {
      test("sign-in, empty and after a refused password", async ({ browser }) => {
        const context = await browser.newContext({ colorScheme, storageState: { cookies: [], origins: [] } });
        const page = await context.newPage();
        await page.goto("/sign-in");
        await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
        await expectNoAxeViolations(page, "the sign-in page");
        await page.getByRole("textbox", { name: "Email" }).fill("nobody@e2e.example");
        await page.getByLabel("Password").fill("not-the-password");
        await page.getByRole("button", { name: "Sign in", exact: true }).click();
        await expect(page.getByRole("alert").filter({ hasText: /password|sign in/i })).toBeVisible();
        await expectNoAxeViolations(page, "the sign-in page with an error");
        await context.close();
      });

      test("service accounts, a service account, users, audit", async ({ page }) => {
        await page.goto("/service-accounts");
        await expect(page.getByRole("region", { name: ACCOUNT })).toBeVisible();
        await expectNoAxeViolations(page, "the service accounts page");

        await openAccount(page);
        await expectNoAxeViolations(page, "a service account's page");

        await page.goto("/users");
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expect(page.getByRole("table")).toBeVisible();
        await expectNoAxeViolations(page, "the users page");

        await page.goto("/audit");
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await page.getByRole("button", { name: "Verify the log's integrity" }).click();
        await expect(page.getByText(/chain|intact|verified/i).first()).toBeVisible();
        await expectNoAxeViolations(page, "the audit page after a verify");
      });

      test("the overview and the connections", async ({ page }) => {
        await page.goto("/");
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // The overview reads every key in the browser: check it once that read has been drawn.
        await expect(page.getByRole("heading", { name: "Risk flags" }).first()).toBeVisible();
        await page.waitForLoadState("networkidle");
        await expectNoAxeViolations(page, "the overview");

        await page.goto("/connections");
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page, "the connections page");
      });

      test("your account: two-factor sign-in and sessions, and its set-up's password step with an error", async ({
        page,
      }) => {
        await page.goto("/account");
        await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
        await expect(page.getByRole("table", { name: "Your active sessions" })).toBeVisible();
        await expectNoAxeViolations(page, "the account page");
        await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
        await page.getByLabel("Your password").fill("not-the-password");
        await page.getByRole("button", { name: "Continue" }).click();
        await expect(page.getByText("That is not your password.")).toBeVisible();
        await expectNoAxeViolations(page, "the account page's two-factor set-up, with an error");
      });

      test("the empty workspace and a failed read", async ({ page }) => {
        await emulator.reset("empty");
        await page.goto("/service-accounts");
        await expect(page.getByText(/no service accounts/i).first()).toBeVisible();
        await expectNoAxeViolations(page, "the service accounts page, empty");

        await emulator.reset("demo");
        await emulator.inject("GET", "/v1/service-accounts", { kind: "status", status: 503 }, 10);
        await page.goto("/service-accounts");
        await expect(page.getByRole("alert").filter({ hasText: /ElevenLabs/ })).toBeVisible();
        await expectNoAxeViolations(page, "the service accounts page after an upstream failure");
      });
    });

    test.describe("dialogs", () => {
      test("create service account", async ({ page }) => {
        await page.goto("/service-accounts");
        await page.getByRole("button", { name: "Create service account" }).click();
        const dialog = page.getByRole("dialog", { name: "Create a service account" });
        await expect(dialog).toBeVisible();
        await expectNoAxeViolations(page, "the create-service-account dialog");
        await dialog.getByRole("textbox", { name: "Name" }).fill("");
        await dialog.getByRole("button", { name: "Create service account" }).click();
        await expect(
          dialog
            .getByText(/name/i)
            .filter({ hasText: /enter|required|empty|give/i })
            .first(),
        ).toBeVisible();
        await expectNoAxeViolations(page, "the create-service-account dialog with an error");
      });

      test("create key, on one screen, with errors, the discard question, and the secret", async ({
        page,
        context,
      }) => {
        await context.grantPermissions(["clipboard-read", "clipboard-write"]);
        await openAccount(page);
        await page.getByRole("button", { name: "Create key" }).click();
        const dialog = page.getByRole("dialog", { name: `Create a key for ${ACCOUNT}` });
        await expect(dialog.getByRole("region", { name: "What will be created" })).toBeVisible();
        await expectNoAxeViolations(page, "create key (restricted, nothing chosen)");

        // Nothing named, nothing chosen: both refused, on their fields.
        await dialog.getByRole("textbox", { name: "Name" }).fill("");
        await dialog.getByRole("button", { name: "Create key" }).click();
        await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveAttribute("aria-invalid", "true");
        await expect(dialog.getByRole("group", { name: "Access" })).toHaveAccessibleDescription(
          /Choose at least one permission/,
        );
        await expectNoAxeViolations(page, "create key with errors (name, permissions)");

        await page.keyboard.press("Escape");
        const discard = page.getByRole("dialog", { name: "Discard this key?" });
        await expect(discard).toBeVisible();
        await expectNoAxeViolations(page, "the discard question");
        await discard.getByRole("button", { name: "Keep editing" }).click();

        await dialog.getByRole("textbox", { name: "Name" }).fill("axe-key");
        await dialog.getByRole("button", { name: "Read-only" }).click();
        await dialog.getByRole("searchbox", { name: "Filter permissions" }).fill("dubbing");
        await expectNoAxeViolations(page, "create key, permissions filtered");
        await dialog.getByRole("radio", { name: /All permissions/ }).check();
        await expectNoAxeViolations(page, "create key (all permissions)");
        await dialog.getByRole("radio", { name: /Restricted/ }).check();

        await dialog.getByRole("textbox", { name: "Monthly character limit" }).fill("-5");
        await dialog.getByRole("textbox", { name: "Allowlist entry 1" }).fill("10.0.0.300");
        await dialog.getByRole("textbox", { name: /Test an address/ }).fill("10.0.0.1");
        await dialog.getByRole("button", { name: "Create key" }).click();
        await expect(dialog.getByRole("textbox", { name: "Monthly character limit" })).toHaveAttribute(
          "aria-invalid",
          "true",
        );
        await expectNoAxeViolations(page, "create key with errors (limit, allowlist)");
        await dialog.getByRole("textbox", { name: "Monthly character limit" }).fill("1000");
        await dialog.getByRole("textbox", { name: "Allowlist entry 1" }).fill("10.0.0.7/24");

        await emulator.inject("POST", "/v1/service-accounts/*/api-keys", { kind: "status", status: 503 });
        await dialog.getByRole("button", { name: "Create key" }).click();
        await expect(dialog.getByRole("alert").filter({ hasText: /ElevenLabs/ })).toBeVisible();
        await expectNoAxeViolations(page, "create key after an upstream failure");
        await dialog.getByRole("button", { name: "Create key" }).click();

        await expect(dialog.getByRole("button", { name: "Copy secret" })).toBeVisible();
        await expectNoAxeViolations(page, "create key, the secret");
        await dialog.getByRole("button", { name: "Done" }).click();
        await expect(dialog.getByRole("button", { name: "Go back" })).toBeVisible();
        await expectNoAxeViolations(page, "create key, the close-before-copying confirmation");
        await dialog.getByRole("button", { name: "Go back" }).click();
        await dialog.getByRole("button", { name: "Copy secret" }).click();
        await dialog.getByRole("button", { name: "Done" }).click();
        await expect(dialog).toBeHidden();
      });

      test("edit, with the change preview and a conflict", async ({ page }) => {
        await openAccount(page);
        // Read before the dialog opens: behind it the table is hidden from the accessibility tree.
        const keyId = await row(page, "prod-tts-primary").getAttribute("data-key-id");
        await row(page, "prod-tts-primary").getByRole("button", { name: "Edit prod-tts-primary" }).click();
        const dialog = page.getByRole("dialog", { name: "Edit prod-tts-primary" });
        await expect(dialog.getByRole("textbox", { name: "Monthly character limit" })).toBeVisible();
        await expectNoAxeViolations(page, "the edit dialog");
        await dialog.getByRole("textbox", { name: "Monthly character limit" }).fill("123456");
        await dialog.getByRole("button", { name: "Review changes" }).click();
        await expectNoAxeViolations(page, "the edit dialog's change preview");

        const saId = page.url().split("/").at(-1)!;
        await emulator.admin("PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
          character_limit: 999,
        });
        await dialog.getByRole("button", { name: "Save changes" }).click();
        await expect(dialog.getByRole("button", { name: "Re-apply my changes" })).toBeVisible();
        await expectNoAxeViolations(page, "the edit dialog's conflict");
      });

      test("disable with a reason, rotate, finish the rotation, delete", async ({ page, context }) => {
        await context.grantPermissions(["clipboard-read", "clipboard-write"]);
        await openAccount(page);
        await row(page, "prod-tts-primary").getByRole("switch").click();
        const reason = page.getByRole("dialog", { name: "Disable prod-tts-primary?" });
        await expect(reason).toBeVisible();
        await expectNoAxeViolations(page, "the disable-with-reason dialog");
        await reason.getByRole("button", { name: "Cancel" }).click();

        await row(page, "prod-tts-ipv6").getByRole("button", { name: "Rotate prod-tts-ipv6" }).click();
        const rotate = page.getByRole("dialog", { name: "Rotate prod-tts-ipv6?" });
        await expectNoAxeViolations(page, "the rotate dialog");
        await rotate.getByRole("button", { name: "Rotate key" }).click();
        const secret = page.getByRole("dialog", { name: "New secret for prod-tts-ipv6" });
        await expect(secret.getByRole("button", { name: "Copy secret" })).toBeVisible();
        await expectNoAxeViolations(page, "the rotated key's secret");
        await secret.getByRole("button", { name: "Copy secret" }).click();
        await secret.getByRole("button", { name: "Done" }).click();
        await expect(page.getByRole("region", { name: "1 rotation not finished" })).toBeVisible();
        await expectNoAxeViolations(page, "the account page with a rotation not finished");

        await row(page, "prod-tts-ipv6")
          .getByRole("button", { name: "Finish rotation of prod-tts-ipv6" })
          .click();
        await expect(
          page.getByRole("dialog", { name: "Finish the rotation of prod-tts-ipv6" }),
        ).toBeVisible();
        await expectNoAxeViolations(page, "the finish-rotation dialog");
        await page.keyboard.press("Escape");

        await row(page, "prod-tts-legacy").getByRole("button", { name: "Delete prod-tts-legacy" }).click();
        const del = page.getByRole("dialog", { name: "Delete prod-tts-legacy?" });
        await expectNoAxeViolations(page, "the delete dialog");
        await del.getByRole("textbox").fill("wrong name");
        await expectNoAxeViolations(page, "the delete dialog with a wrong name");
      });

      test("users: add with errors, reset password, disable", async ({ page }) => {
        await page.goto("/users");
        const form = page.getByRole("region", { name: "Add user" });
        await form.getByRole("button", { name: "Add user" }).click();
        await expectNoAxeViolations(page, "the add-user form with errors");
        const admin = "support@e2e.example";
        await row(page, admin)
          .getByRole("button", { name: `Disable ${admin}` })
          .click();
        await expect(page.getByRole("dialog", { name: `Disable ${admin}?` })).toBeVisible();
        await expectNoAxeViolations(page, "the disable-user dialog");
        await page
          .getByRole("dialog", { name: `Disable ${admin}?` })
          .getByRole("button", { name: "Cancel" })
          .click();
        await row(page, admin)
          .getByRole("button", { name: `Reset password of ${admin}` })
          .click();
        await expect(page.getByRole("dialog", { name: `Reset the password of ${admin}?` })).toBeVisible();
        await expectNoAxeViolations(page, "the reset-password dialog");
        await page
          .getByRole("dialog", { name: `Reset the password of ${admin}?` })
          .getByRole("button", { name: "Cancel" })
          .click();
        await row(page, admin).getByLabel(`Role of ${admin}`).selectOption("reviewer");
        await expect(page.getByRole("dialog", { name: `Change the role of ${admin}?` })).toBeVisible();
        await expectNoAxeViolations(page, "the role-change dialog");
        await page
          .getByRole("dialog", { name: `Change the role of ${admin}?` })
          .getByRole("button", { name: "Cancel" })
          .click();
      });
    });

    test.describe("leak response and bulk changes", () => {
      test.use({ storageState: storageStatePath("support") });

      test("find a key: results and the Disable now dialog", async ({ page }) => {
        await page.goto("/find");
        await expect(page.getByRole("button", { name: "Search", exact: true })).toBeEnabled();
        await expectNoAxeViolations(page, "the find-a-key page");
        await page
          .getByRole("textbox", { name: "Secret, last four characters, name or key id" })
          .fill("prod-tts");
        await page.getByRole("button", { name: "Search", exact: true }).click();
        const candidate = row(page, "prod-tts-primary");
        await expect(candidate).toBeVisible();
        await expectNoAxeViolations(page, "the find-a-key results");
        await candidate.getByRole("button", { name: "Why is this key failing? (prod-tts-primary)" }).click();
        const doctor = page.getByRole("dialog", { name: "Why is prod-tts-primary failing?" });
        await expect(doctor.getByRole("button", { name: "Check the key" })).toBeVisible();
        await expectNoAxeViolations(page, "the key doctor's dialog");
        await doctor.getByRole("button", { name: "Check the key" }).click();
        await expect(doctor.getByRole("region", { name: "Diagnosis" })).toBeVisible({ timeout: 60_000 });
        await expectNoAxeViolations(page, "the key doctor's answer in its dialog");
        await page.keyboard.press("Escape");
        await expect(doctor).toHaveCount(0);
        await candidate.getByRole("button", { name: "Disable now" }).click();
        await expect(page.getByRole("dialog", { name: "Disable prod-tts-primary?" })).toBeVisible();
        await expectNoAxeViolations(page, "the Disable now dialog");
      });

      test("all keys: selection and the bulk dialog, before and after a run", async ({ page }) => {
        await page.goto("/inventory?q=prod-tts");
        await page.getByRole("checkbox", { name: "Select all keys matching the filters" }).check();
        await expectNoAxeViolations(page, "the inventory with a selection");
        await page.getByRole("button", { name: "Disable selected" }).click();
        const dialog = page.getByRole("dialog", { name: /^Disable \d+ keys?\?$/ });
        await expect(dialog).toBeVisible();
        await expectNoAxeViolations(page, "the bulk dialog");
        await dialog.getByRole("textbox", { name: "Reason" }).fill("axe drill");
        await dialog.getByRole("button", { name: /^Disable \d+ keys?$/ }).click();
        await expect(dialog.getByRole("status")).toHaveText(/disabled\.$/);
        await expectNoAxeViolations(page, "the bulk dialog's result");
        await dialog.getByRole("button", { name: "Close" }).first().click();
        // The run stays listed on the page's "Bulk changes" bar for a quarter hour.
        await expect(page.getByRole("region", { name: "Bulk changes" })).toBeVisible();
        await expectNoAxeViolations(page, "all keys with the bulk changes bar");
      });
    });

    test.describe("as support", () => {
      test.use({ storageState: storageStatePath("support") });

      test("the account page without admin controls", async ({ page }) => {
        await openAccount(page);
        await expectNoAxeViolations(page, "a service account's page, as support");
      });
    });
  });
}
