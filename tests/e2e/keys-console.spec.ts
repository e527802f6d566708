// Managing keys in the browser, against the controlled emulator (reset to the demo workspace before
// each test): create by keyboard alone (on one screen), edit, clear, disable, rotate, delete, and what each role sees.
// More on the create form and rotation reminders: create-flow.spec.ts.
import type { Browser, Locator, Page } from "@playwright/test";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

const ACCOUNT = "Production TTS backend";
const row = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

async function openAccount(page: Page, name = ACCOUNT) {
  await page.goto("/service-accounts");
  await page.getByRole("region", { name }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** Presses a button from the keyboard: focus it, then Enter. */
async function press(page: Page, name: string, scope: Page | Locator = page) {
  await scope.getByRole("button", { name, exact: true }).focus();
  await page.keyboard.press("Enter");
}

test.describe("as an admin", () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  });

  test("creates a restricted key with a limit and an allowlist by keyboard, on one screen, copies the secret, and sees it listed", async ({
    page,
  }) => {
    await openAccount(page);
    await press(page, "Create key");
    const dialog = page.getByRole("dialog", { name: `Create a key for ${ACCOUNT}` });
    const review = dialog.getByRole("region", { name: "What will be created" });
    const name = dialog.getByRole("textbox", { name: "Name" });
    await expect(name).toBeFocused();
    await expect(name).toHaveValue(/^[a-z]+-[a-z]+-\d{2}$/);

    // Name: replace the suggestion; the review beside the form follows.
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("e2e-restricted");
    await expect(review).toContainText("e2e-restricted");

    // Permissions: restricted by default; Speech to Text and Voices (read).
    await expect(dialog.getByRole("radio", { name: /Restricted/ })).toBeChecked();
    await dialog.getByRole("searchbox", { name: "Filter permissions" }).focus();
    await page.keyboard.type("speech to text");
    await expect(dialog.getByRole("checkbox", { name: "Text to Speech" })).toHaveCount(0);
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("checkbox", { name: "Speech to Text" })).toBeFocused();
    await page.keyboard.press("Space");
    await dialog.getByRole("searchbox", { name: "Filter permissions" }).focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("voices");
    await dialog.getByRole("radio", { name: "Read Voices", exact: true }).focus();
    await page.keyboard.press("Space");
    await expect(dialog.getByText("2 of 51 permissions chosen")).toBeVisible();

    // Limit and allowlist: a limit shown with separators; two allowlist entries, checked as typed; the tester.
    await dialog.getByRole("textbox", { name: "Monthly character limit" }).focus();
    await page.keyboard.type("250000");
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("textbox", { name: "Monthly character limit" })).toHaveValue("250,000");
    await dialog.getByRole("textbox", { name: "Allowlist entry 1" }).focus();
    await page.keyboard.type("203.0.113.9");
    await expect(dialog.getByRole("textbox", { name: "Allowlist entry 1" })).toHaveAccessibleDescription(
      "Saved as 203.0.113.9/32",
    );
    await page.keyboard.press("Enter"); // adds a row below
    await expect(dialog.getByRole("textbox", { name: "Allowlist entry 2" })).toBeFocused();
    await page.keyboard.type("2001:db8::/48x");
    await expect(dialog.getByRole("textbox", { name: "Allowlist entry 2" })).toHaveAccessibleDescription(
      /not an IPv4 or IPv6 address/,
    );
    await page.keyboard.press("Backspace");
    await expect(dialog.getByRole("textbox", { name: "Allowlist entry 2" })).toHaveAccessibleDescription(
      "Saved as 2001:db8::/48",
    );
    await dialog.getByRole("textbox", { name: /Test an address/ }).focus();
    await page.keyboard.type("203.0.113.10");
    await expect(dialog.getByText("203.0.113.10 would be refused: it matches no entry.")).toBeVisible();

    // The review, in plain words, no warnings for a restricted, limited, allowlisted key.
    await expect(review).toContainText("Text to Speech and audio: Speech to Text");
    await expect(review).toContainText("Voices: Voices (read)");
    await expect(review).toContainText("250,000 characters a month");
    await expect(review).toContainText("203.0.113.9/32, 2001:db8::/48");
    await expect(review.getByRole("list", { name: "Warnings" })).toHaveCount(0);
    await press(page, "Create key", dialog);

    // The secret, once.
    const secretBox = dialog.getByRole("textbox", { name: "Secret of e2e-restricted" });
    await expect(secretBox).toHaveValue(/^sk_[0-9a-f]{48}$/);
    const secret = await secretBox.inputValue();
    await expect(dialog).toContainText("will not show it again");
    await press(page, "Copy secret");
    await expect(dialog.getByText("The secret is on your clipboard.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await press(page, "Done");
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create key" })).toBeFocused();

    const created = row(page, "e2e-restricted");
    await expect(created).toContainText("2 of 51");
    await expect(created).toContainText("203.0.113.9/32 +1 more");
    await expect(created.getByRole("meter", { name: "Monthly usage" })).toHaveAttribute(
      "aria-valuetext",
      "0 of 250,000 characters (0%)",
    );
    await expect(created.getByRole("switch", { name: "e2e-restricted enabled" })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    expect(await page.content()).not.toContain(secret);

    const posted = (await emulator.requests()).filter(
      (r) => r.method === "POST" && r.path.endsWith("/api-keys"),
    );
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toMatchObject({
      name: "e2e-restricted",
      permissions: ["speech_to_text", "voices_read"],
      character_limit: 250_000,
      allowed_ips: ["203.0.113.9/32", "2001:db8::/48"],
    });
  });

  test("the review warns about all permissions, no allowlist and no limit", async ({ page }) => {
    await openAccount(page);
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("radio", { name: /All permissions/ }).check();
    await dialog.getByRole("textbox", { name: "Monthly character limit" }).fill("1.5");
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(
      dialog.getByRole("textbox", { name: "Monthly character limit" }),
    ).toHaveAccessibleDescription(/Use a whole number of characters/);
    await dialog.getByRole("textbox", { name: "Monthly character limit" }).fill("");
    const warnings = dialog.getByRole("region", { name: "What will be created" }).getByRole("list", {
      name: "Warnings",
    });
    await expect(warnings).toContainText("All permissions");
    await expect(warnings).toContainText("No IP allowlist");
    await expect(warnings).toContainText("No monthly limit");
    expect((await emulator.requests()).filter((r) => r.method === "POST")).toHaveLength(0);
  });

  test("presets, pasted allowlists with repeats, and a failed create that keeps everything typed", async ({
    page,
  }) => {
    await openAccount(page);
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog");
    const review = dialog.getByRole("region", { name: "What will be created" });
    await dialog.getByRole("textbox", { name: "Name" }).fill("e2e-copied");
    await dialog.getByRole("button", { name: "Read-only" }).click();
    await expect(dialog.getByRole("radio", { name: "Read Voices", exact: true })).toBeChecked();
    await dialog
      .getByRole("combobox", { name: "Copy from another key" })
      .selectOption({ label: "Production TTS backend / prod-tts-primary" });
    await expect(dialog.getByText("3 of 51 permissions chosen")).toBeVisible();
    await expect(dialog.getByRole("checkbox", { name: "Text to Speech" })).toBeChecked();

    await page.evaluate(() => navigator.clipboard.writeText("10.0.0.1\n10.0.0.1/32\n192.0.2.7/24"));
    await dialog.getByRole("textbox", { name: "Allowlist entry 1" }).focus();
    await page.keyboard.press("ControlOrMeta+v");
    await expect(dialog.getByRole("textbox", { name: "Allowlist entry 3" })).toHaveValue("192.0.2.7/24");
    await expect(dialog.getByRole("textbox", { name: "Allowlist entry 3" })).toHaveAccessibleDescription(
      "Saved as 192.0.2.0/24",
    );
    await expect(dialog.getByRole("textbox", { name: "Allowlist entry 2" })).toHaveAccessibleDescription(
      "Same as entry 1 (10.0.0.1/32)",
    );
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Not created: fix the allowlist first.");
    expect((await emulator.requests()).filter((r) => r.method === "POST")).toHaveLength(0);
    await dialog.getByRole("button", { name: "Remove entry 2" }).click();
    await expect(review).toContainText("10.0.0.1/32, 192.0.2.0/24");

    await emulator.inject("POST", "/v1/service-accounts/*/api-keys", { kind: "status", status: 503 });
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(dialog.getByRole("alert")).toContainText("The key was not created.");
    await expect(review).toContainText("10.0.0.1/32, 192.0.2.0/24");
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(dialog.getByRole("textbox", { name: "Secret of e2e-copied" })).toHaveValue(/^sk_/);
    await dialog.getByRole("button", { name: "Copy secret" }).click();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(row(page, "e2e-copied")).toContainText("3 of 51");
    await expect(row(page, "e2e-copied")).toContainText("10.0.0.1/32 +1 more");
  });

  test("edits only the limit: the preview shows it, and only it is sent", async ({ page }) => {
    await openAccount(page);
    await row(page, "prod-tts-primary").getByRole("button", { name: "Edit prod-tts-primary" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit prod-tts-primary" });
    await expect(dialog.getByRole("textbox", { name: "Monthly character limit" })).toHaveValue("5,000,000");
    await dialog.getByRole("textbox", { name: "Monthly character limit" }).fill("6000000");
    await dialog.getByRole("button", { name: "Review changes" }).click();
    const preview = dialog.getByRole("table", { name: "Changes to prod-tts-primary" });
    await expect(preview.getByRole("row")).toHaveCount(2);
    await expect(preview).toContainText("5,000,000 characters");
    await expect(preview).toContainText("6,000,000 characters");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row(page, "prod-tts-primary").getByRole("meter", { name: "Monthly usage" })).toHaveAttribute(
      "aria-valuetext",
      "4,350,000 of 6,000,000 characters (73%)",
    );
    const patches = (await emulator.requests()).filter((r) => r.method === "PATCH");
    expect(patches).toHaveLength(1);
    expect(patches[0]!.body).toEqual({ character_limit: 6_000_000 });
  });

  test("emptying a restricted key's permissions is refused on the field, and nothing is sent", async ({
    page,
  }) => {
    await openAccount(page);
    await row(page, "prod-tts-ipv6").getByRole("button", { name: "Edit prod-tts-ipv6" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit prod-tts-ipv6" });
    await dialog.getByRole("checkbox", { name: "Text to Speech" }).uncheck();
    await expect(dialog.getByText("0 of 51 permissions chosen")).toBeVisible();
    await dialog.getByRole("button", { name: "Review changes" }).click();
    const access = dialog.getByRole("group", { name: "Access" });
    await expect(access).toHaveAccessibleDescription(
      "Choose at least one permission, or choose All permissions: a restricted key with none can do nothing.",
    );
    // Focus goes to the choice to fix, whose group says why.
    await expect(access.getByRole("radio", { name: /Restricted/ })).toBeFocused();
    await expect(
      dialog.getByRole("heading", { name: /These changes will be saved|Nothing has changed/ }),
    ).toHaveCount(0);
    expect((await emulator.requests()).filter((r) => r.method === "PATCH")).toHaveLength(0);

    // Ticking one again clears the refusal and the edit goes on.
    await dialog.getByRole("checkbox", { name: "Speech to Text" }).check();
    await expect(access).not.toHaveAccessibleDescription(/Choose at least one permission/);
    await dialog.getByRole("button", { name: "Review changes" }).click();
    await expect(dialog.getByRole("heading", { name: "These changes will be saved" })).toBeVisible();
  });

  test("clears the allowlist", async ({ page }) => {
    await openAccount(page);
    await row(page, "prod-tts-primary").getByRole("button", { name: "Edit prod-tts-primary" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit prod-tts-primary" });
    await expect(dialog.getByRole("textbox", { name: "Allowlist entry 2" })).toHaveValue("198.51.100.7/32");
    await dialog.getByRole("button", { name: "Clear allowlist" }).click();
    await dialog.getByRole("button", { name: "Review changes" }).click();
    await expect(dialog.getByRole("table", { name: "Changes to prod-tts-primary" })).toContainText(
      "Any IP (no allowlist)",
    );
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row(page, "prod-tts-primary")).toContainText("Any IP");
  });

  test("reordering the allowlist is no change: nothing to save, nothing sent", async ({ page }) => {
    await openAccount(page);
    await row(page, "prod-tts-primary").getByRole("button", { name: "Edit prod-tts-primary" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit prod-tts-primary" });
    const first = dialog.getByRole("textbox", { name: "Allowlist entry 1" });
    const second = dialog.getByRole("textbox", { name: "Allowlist entry 2" });
    const [a, b] = [await first.inputValue(), await second.inputValue()];
    expect(a).not.toBe(b);
    await first.fill(b);
    await second.fill(a);
    await dialog.getByRole("button", { name: "Review changes" }).click();
    await expect(dialog.getByRole("heading", { name: "Nothing has changed" })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Save changes" })).toBeDisabled();
    expect((await emulator.requests()).filter((r) => r.method === "PATCH")).toHaveLength(0);
  });

  test("a change made meanwhile is shown, and the admin can re-apply theirs", async ({ page }) => {
    await openAccount(page);
    const primary = row(page, "prod-tts-primary");
    // Read before the dialog opens: behind it the table is hidden from the accessibility tree.
    const keyId = await primary.getAttribute("data-key-id");
    await primary.getByRole("button", { name: "Edit prod-tts-primary" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit prod-tts-primary" });
    await dialog.getByRole("textbox", { name: "Monthly character limit" }).fill("7000000");
    await dialog.getByRole("button", { name: "Review changes" }).click();
    const saId = page.url().split("/").at(-1)!;
    await emulator.admin("PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, {
      character_limit: 5_500_000,
    });
    await dialog.getByRole("button", { name: "Save changes" }).click();
    const conflict = dialog.getByRole("alert").filter({ hasText: "Someone else changed this key" });
    await expect(conflict).toContainText("5,500,000 characters");
    await conflict.getByRole("button", { name: "Re-apply my changes" }).click();
    await expect(dialog.getByRole("table", { name: "Changes to prod-tts-primary" })).toContainText(
      "5,500,000 characters",
    );
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(primary.getByRole("meter", { name: "Monthly usage" })).toHaveAttribute(
      "aria-valuetext",
      /of 7,000,000 characters/,
    );
  });

  test("disables with a reason, then enables again", async ({ page }) => {
    await openAccount(page);
    const toggle = row(page, "prod-tts-primary").getByRole("switch", { name: "prod-tts-primary enabled" });
    await toggle.click();
    const dialog = page.getByRole("dialog", { name: "Disable prod-tts-primary?" });
    await dialog.getByRole("button", { name: "Disable key" }).click();
    await expect(dialog.getByRole("textbox", { name: "Reason" })).toHaveAccessibleDescription(
      /Give a reason/,
    );
    await dialog.getByRole("textbox", { name: "Reason" }).fill("Secret pasted in a public issue");
    await dialog.getByRole("button", { name: "Disable key" }).click();
    await expect(dialog).toHaveCount(0);
    // A short toast says it too, in a polite live region (sonner's), for whoever has moved on.
    const toast = page.getByText("Key “prod-tts-primary” disabled", { exact: true });
    await expect(toast).toBeVisible();
    await expect(page.locator('[aria-live="polite"]', { has: toast })).toHaveCount(1);
    // The page keeps its own copy on screen, but only the toast is read out: said once.
    const pageCopy = page
      .getByRole("status")
      .filter({ hasText: "Disabled prod-tts-primary: it stops working at once." });
    await expect(pageCopy).toBeVisible();
    await expect(pageCopy).toHaveAttribute("aria-live", "off");
    await expect(page.locator('[aria-live="polite"]', { has: pageCopy })).toHaveCount(0);
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await expect(row(page, "prod-tts-primary")).toContainText("Disabled");
    await page.reload();
    await expect(toggle).toHaveAttribute("aria-checked", "false");

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await expect(page.getByRole("status").filter({ hasText: "Enabled prod-tts-primary." })).toBeVisible();
  });

  test("a refused toggle flips back and says why", async ({ page }) => {
    await openAccount(page);
    const toggle = row(page, "prod-tts-legacy").getByRole("switch", { name: "prod-tts-legacy enabled" });
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await emulator.inject("PATCH", "/v1/service-accounts/*/api-keys/*", { kind: "status", status: 503 }, 5);
    await toggle.click();
    await expect(
      page.getByRole("alert").filter({ hasText: "prod-tts-legacy was not enabled" }),
    ).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
  });

  test("rotates: the new secret once, both keys marked (same name), and the rotation finished by disabling the old key", async ({
    page,
  }) => {
    await openAccount(page);
    await row(page, "prod-tts-ipv6").getByRole("button", { name: "Rotate prod-tts-ipv6" }).click();
    const dialog = page.getByRole("dialog", { name: "Rotate prod-tts-ipv6?" });
    await dialog.getByRole("button", { name: "Rotate key" }).click();
    const secretDialog = page.getByRole("dialog", { name: "New secret for prod-tts-ipv6" });
    await expect(secretDialog.getByRole("textbox", { name: /^Secret of / })).toHaveValue(/^sk_[0-9a-f]{48}$/);
    await page.keyboard.press("Escape");
    await expect(secretDialog.getByText("You have not copied the secret. Close anyway?")).toBeVisible();
    await secretDialog.getByRole("button", { name: "Go back" }).click();
    await secretDialog.getByRole("button", { name: "Copy secret" }).click();
    await secretDialog.getByRole("button", { name: "Done" }).click();
    await expect(secretDialog).toHaveCount(0);

    // The new key has the same name: the badges tell the two apart until the rotation is finished.
    const both = row(page, "prod-tts-ipv6");
    await expect(both).toHaveCount(2);
    const old = both.filter({ hasText: "Being replaced" });
    await expect(old).toHaveCount(1);
    await expect(both.filter({ hasText: "Replacement" })).toHaveCount(1);
    await old.getByRole("button", { name: "Finish rotation of prod-tts-ipv6" }).click();
    await page
      .getByRole("dialog", { name: "Finish the rotation of prod-tts-ipv6" })
      .getByRole("button", { name: "Disable the old key" })
      .click();
    await expect(page.getByText(/Being replaced|Replacement/)).toHaveCount(0);
    await expect(both.getByRole("switch", { checked: false })).toHaveCount(1);
    await expect(both.getByRole("switch", { checked: true })).toHaveCount(1);
  });

  test("deletes a key after its name is typed", async ({ page }) => {
    await openAccount(page);
    await row(page, "prod-tts-legacy").getByRole("button", { name: "Delete prod-tts-legacy" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete prod-tts-legacy?" });
    await expect(dialog).toContainText("stops working at once");
    const confirm = dialog.getByRole("button", { name: "Delete key" });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole("textbox", { name: "Type prod-tts-legacy to confirm" }).fill("prod-tts-legacy");
    await confirm.click();
    await expect(dialog).toHaveCount(0);
    await expect(row(page, "prod-tts-legacy")).toHaveCount(0);
    await page.goto("/service-accounts");
    await expect(page.getByRole("region", { name: ACCOUNT })).toContainText("3 keys");
  });

  test("creates a service account and finds it by search", async ({ page }) => {
    await page.goto("/service-accounts");
    await page.getByRole("button", { name: "Create service account" }).click();
    const dialog = page.getByRole("dialog", { name: "Create a service account" });
    await dialog.getByRole("textbox", { name: "Name" }).fill("E2E new account");
    await dialog.getByRole("button", { name: "Create service account" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole("region", { name: "E2E new account" })).toContainText("no API keys yet");
    await page.getByRole("searchbox", { name: "Search service accounts and keys" }).fill("prod-tts-primary");
    await expect(page.getByRole("region", { name: ACCOUNT })).toBeVisible();
    await expect(page.getByRole("region", { name: "Support chatbot" })).toHaveCount(0);
    await expect(page.getByText("1 of 8 service accounts match.")).toBeVisible();
  });
});

test.describe("as support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("sees only the status switch", async ({ page }) => {
    await openAccount(page);
    await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
    await expect(
      row(page, "prod-tts-primary").getByRole("button", { name: /^(Edit|Rotate|Delete)/ }),
    ).toHaveCount(0);
    await row(page, "prod-tts-primary").getByRole("switch", { name: "prod-tts-primary enabled" }).click();
    await page
      .getByRole("dialog")
      .getByRole("textbox", { name: "Reason" })
      .fill("Leaked in a support ticket");
    await page.getByRole("dialog").getByRole("button", { name: "Disable key" }).click();
    await expect(row(page, "prod-tts-primary").getByRole("switch")).toHaveAttribute("aria-checked", "false");
    // The switch turns at once (optimistic); the change must reach the upstream before the test ends,
    // or it lands after the next test's reset and that test starts with the key disabled.
    await expect
      .poll(async () => (await emulator.requests()).filter((r) => r.method === "PATCH").map((r) => r.body))
      .toEqual([{ is_enabled: false }]);
  });
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStatePath("reviewer") });

  test("sees every key and no control that changes anything", async ({ page }) => {
    await page.goto("/service-accounts");
    await expect(page.getByRole("button", { name: "Create service account" })).toHaveCount(0);
    await openAccount(page);
    await expect(row(page, "prod-tts-primary")).toContainText("Enabled");
    await expect(page.getByRole("switch")).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  });
});

test.describe("two admins in two browsers", () => {
  /** Opens the edit dialog of prod-tts-primary in a new browser context signed in as the admin. */
  async function editInNewBrowser(browser: Browser) {
    const context = await browser.newContext({ storageState: storageStatePath("admin") });
    const page = await context.newPage();
    await openAccount(page);
    await row(page, "prod-tts-primary").getByRole("button", { name: "Edit prod-tts-primary" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit prod-tts-primary" });
    await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveValue("prod-tts-primary");
    return { context, page, dialog };
  }

  async function save(dialog: Locator) {
    await dialog.getByRole("button", { name: "Review changes" }).click();
    await dialog.getByRole("button", { name: "Save changes" }).click();
  }

  test("edits to different fields both survive; the same field gives the second a conflict", async ({
    browser,
  }) => {
    test.setTimeout(90_000); // four browsers, each opening the account page
    const a = await editInNewBrowser(browser);
    const b = await editInNewBrowser(browser);

    // Both began from the same key: A changes the limit, B the allowlist. Both land.
    await a.dialog.getByRole("textbox", { name: "Monthly character limit" }).fill("4200000");
    await b.dialog.getByRole("button", { name: "Clear allowlist" }).click();
    await save(a.dialog);
    await expect(a.dialog).toHaveCount(0);
    await save(b.dialog);
    await expect(b.dialog).toHaveCount(0);
    const keyId = await row(a.page, "prod-tts-primary").getAttribute("data-key-id");
    const saId = a.page.url().split("/").at(-1)!;
    const keys = await emulator.admin<{
      "api-keys": { key_id: string; character_limit: number | null; allowed_ips: string[] | null }[];
    }>("GET", `/v1/service-accounts/${saId}/api-keys`);
    const stored = keys["api-keys"].find((k) => k.key_id === keyId)!;
    expect(stored.character_limit).toBe(4_200_000);
    expect(stored.allowed_ips).toBeNull();

    // Both open the key again and change its name: the first wins, the second is told and nothing of it is written.
    const a2 = await editInNewBrowser(browser);
    const b2 = await editInNewBrowser(browser);
    await a2.dialog.getByRole("textbox", { name: "Name" }).fill("prod-tts-primary-a");
    await b2.dialog.getByRole("textbox", { name: "Name" }).fill("prod-tts-primary-b");
    await save(a2.dialog);
    await expect(a2.dialog).toHaveCount(0);
    await save(b2.dialog);
    await expect(
      b2.dialog.getByRole("alert").filter({ hasText: "Someone else changed this key" }),
    ).toContainText("prod-tts-primary-a");
    const after = await emulator.admin<{ "api-keys": { key_id: string; name: string }[] }>(
      "GET",
      `/v1/service-accounts/${saId}/api-keys`,
    );
    expect(after["api-keys"].find((k) => k.key_id === keyId)!.name).toBe("prod-tts-primary-a");
    for (const s of [a, b, a2, b2]) await s.context.close();
  });
});
