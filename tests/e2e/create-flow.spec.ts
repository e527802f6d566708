// Creating a key on one screen (issue 13): sections instead of steps, a review that follows the
// form, one Create button; a restricted key with no permission refused on the permissions field;
// leaving with unsaved input asks first; and a rotation that keeps the name, marks the old key and
// reminds until it is finished. Real browser, real HTTP to the controlled emulator.
import type { Locator, Page } from "@playwright/test";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

const ACCOUNT = "Production TTS backend";
const row = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

async function openAccount(page: Page) {
  await page.goto("/service-accounts");
  await page.getByRole("region", { name: ACCOUNT }).getByRole("link", { name: ACCOUNT }).click();
  await expect(page.getByRole("heading", { level: 1, name: ACCOUNT })).toBeVisible();
}

const keyPosts = async () =>
  (await emulator.requests()).filter((r) => r.method === "POST" && r.path.endsWith("/api-keys"));

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("creates a key with three permissions, a limit and an allowlist on one screen, in 9 clicks", async ({
  page,
}) => {
  await openAccount(page);
  // Every click of the task goes through here, so the count below is the task's.
  let clicks = 0;
  const click = async (target: Locator) => {
    clicks += 1;
    await target.click();
  };

  await click(page.getByRole("button", { name: "Create key" }));
  const dialog = page.getByRole("dialog", { name: `Create a key for ${ACCOUNT}` });
  const review = dialog.getByRole("region", { name: "What will be created" });
  // One screen: every section at once, no steps, and the review beside them from the start.
  for (const section of ["Name and service account", "Permissions", "Limit", "Allowlist"])
    await expect(dialog.getByRole("region", { name: section })).toBeVisible();
  await expect(dialog.getByRole("list", { name: "Steps" })).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Next" })).toHaveCount(0);
  await expect(review).toContainText(ACCOUNT);
  await expect(review).toContainText("Nothing chosen yet");

  // The name field has focus: type over the suggestion, and the review follows.
  await expect(dialog.getByRole("textbox", { name: "Name" })).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("e2e-one-screen");
  await expect(review).toContainText("e2e-one-screen");

  // Three permissions, straight from the list: it is no scroll box of its own.
  await click(dialog.getByRole("checkbox", { name: "Text to Speech" }));
  await click(dialog.getByRole("checkbox", { name: "Speech to Text" }));
  await click(dialog.getByRole("radio", { name: "Read Voices", exact: true }));
  await expect(dialog.getByText("3 of 51 permissions chosen")).toBeVisible();
  await expect(review).toContainText("Text to Speech and audio: Text to Speech, Speech to Text");
  await expect(review).toContainText("Voices: Voices (read)");

  await click(dialog.getByRole("textbox", { name: "Monthly character limit" }));
  await page.keyboard.type("250000");
  await expect(review).toContainText("250,000 characters a month");
  await click(dialog.getByRole("textbox", { name: "Allowlist entry 1" }));
  await page.keyboard.type("203.0.113.0/24");
  await expect(review).toContainText("203.0.113.0/24");
  await expect(review.getByRole("list", { name: "Warnings" })).toHaveCount(0);

  // The review stays in view with the button under it.
  await expect(review).toBeInViewport();
  await click(review.getByRole("button", { name: "Create key" }));
  const secretBox = dialog.getByRole("textbox", { name: "Secret of e2e-one-screen" });
  await expect(secretBox).toHaveValue(/^sk_[0-9a-f]{48}$/);
  await click(dialog.getByRole("button", { name: "Copy secret" }));
  await click(dialog.getByRole("button", { name: "Done" }));
  await expect(dialog).toHaveCount(0);
  // Before (five steps: Create key, Next, three permissions, Next, limit, allowlist, Next, Create
  // key, Copy, Done) it took 12.
  expect(clicks).toBe(9);

  const posted = await keyPosts();
  expect(posted).toHaveLength(1);
  expect(posted[0]!.body).toEqual({
    name: "e2e-one-screen",
    permissions: ["text_to_speech", "speech_to_text", "voices_read"],
    character_limit: 250_000,
    allowed_ips: ["203.0.113.0/24"],
  });
  await expect(row(page, "e2e-one-screen")).toContainText("3 of 51");
});

test("a restricted key with no permission is refused on the permissions field, and nothing is sent", async ({
  page,
}) => {
  await openAccount(page);
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: `Create a key for ${ACCOUNT}` });
  await dialog.getByRole("button", { name: "Create key" }).click();

  const access = dialog.getByRole("group", { name: "Access" });
  await expect(access).toHaveAccessibleDescription(
    /Choose at least one permission, or choose All permissions/,
  );
  await expect(dialog.getByRole("heading", { name: "Permissions" })).toBeFocused();
  await expect(dialog.getByRole("alert")).toHaveText("Not created: fix the permissions first.");
  expect(await keyPosts()).toHaveLength(0);

  // Choosing one clears it; "All permissions" is the other way out.
  await dialog.getByRole("button", { name: "Text to Speech only" }).click();
  await expect(access).not.toHaveAccessibleDescription(/Choose at least one/);
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("textbox", { name: /^Secret of / })).toHaveValue(/^sk_/);
  expect((await keyPosts()).map((r) => (r.body as { permissions: unknown }).permissions)).toEqual([
    ["text_to_speech"],
  ]);
});

test("leaving with unsaved input asks first; an untouched form closes at once", async ({ page }) => {
  await openAccount(page);
  const dialog = page.getByRole("dialog", { name: `Create a key for ${ACCOUNT}` });
  const confirm = page.getByRole("dialog", { name: "Discard this key?" });

  // Untouched: Escape closes without a question.
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("textbox", { name: "Name" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(confirm).toHaveCount(0);

  // Changed: Escape asks; "Keep editing" keeps everything typed.
  await page.getByRole("button", { name: "Create key" }).click();
  await dialog.getByRole("textbox", { name: "Name" }).fill("half-done");
  await dialog.getByRole("checkbox", { name: "Speech to Text" }).check();
  await dialog.getByRole("textbox", { name: "Monthly character limit" }).fill("1000");
  await page.keyboard.press("Escape");
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await confirm.getByRole("button", { name: "Keep editing" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveValue("half-done");
  await expect(dialog.getByRole("checkbox", { name: "Speech to Text" })).toBeChecked();
  await expect(dialog.getByRole("textbox", { name: "Monthly character limit" })).toHaveValue("1,000"); // shown with separators once left

  // Escape in the question is "keep editing" too; Cancel asks the same; Discard throws it away.
  await page.keyboard.press("Escape");
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveValue("half-done");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await confirm.getByRole("button", { name: "Discard" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(confirm).toHaveCount(0);
  expect(await keyPosts()).toHaveLength(0);

  // The edit dialog asks the same way once something changed.
  await row(page, "prod-tts-primary").getByRole("button", { name: "Edit prod-tts-primary" }).click();
  const edit = page.getByRole("dialog", { name: "Edit prod-tts-primary" });
  await expect(edit.getByRole("textbox", { name: "Name" })).toBeFocused(); // opened (its code loads lazily)
  await page.keyboard.press("Escape");
  await expect(edit).toHaveCount(0);
  await row(page, "prod-tts-primary").getByRole("button", { name: "Edit prod-tts-primary" }).click();
  await edit.getByRole("textbox", { name: "Monthly character limit" }).fill("6000000");
  await edit.getByRole("button", { name: "Cancel" }).click();
  const discardEdit = page.getByRole("dialog", { name: "Discard these changes?" });
  await discardEdit.getByRole("button", { name: "Keep editing" }).click();
  await expect(edit.getByRole("textbox", { name: "Monthly character limit" })).toHaveValue("6,000,000");
  await page.keyboard.press("Escape");
  await discardEdit.getByRole("button", { name: "Discard" }).click();
  await expect(edit).toHaveCount(0);
  expect((await emulator.requests()).filter((r) => r.method === "PATCH")).toHaveLength(0);
});

test("a rotation keeps the name, marks the old key, and reminds until it is finished", async ({ page }) => {
  await openAccount(page);
  await row(page, "prod-tts-fallback").getByRole("button", { name: "Rotate prod-tts-fallback" }).click();
  await page
    .getByRole("dialog", { name: "Rotate prod-tts-fallback?" })
    .getByRole("button", { name: "Rotate key" })
    .click();
  const secret = page.getByRole("dialog", { name: "New secret for prod-tts-fallback" });
  await secret.getByRole("button", { name: "Copy secret" }).click();
  await secret.getByRole("button", { name: "Done" }).click();

  // Upstream, the new key has the old one's exact name.
  const posted = await keyPosts();
  expect(posted).toHaveLength(1);
  expect((posted[0]!.body as { name: string }).name).toBe("prod-tts-fallback");

  // Two rows of one name, told apart by the badge.
  const both = row(page, "prod-tts-fallback");
  await expect(both).toHaveCount(2);
  await expect(both.filter({ hasText: "Being replaced" })).toHaveCount(1);
  await expect(both.filter({ hasText: "Replacement" })).toHaveCount(1);
  await expect(page.getByText(/\(rotated /)).toHaveCount(0);

  // The reminder, here and on the overview, until the rotation is finished.
  const reminder = page.getByRole("region", { name: "1 rotation not finished" });
  await expect(reminder).toContainText("prod-tts-fallback");
  await expect(reminder).toContainText("disable or delete the old key");
  await page.goto("/");
  const overviewReminder = page.getByRole("region", { name: "1 rotation not finished" });
  await expect(overviewReminder).toContainText(`prod-tts-fallback in ${ACCOUNT}`);
  await overviewReminder.getByRole("link", { name: /Finish it/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: ACCOUNT })).toBeVisible();

  await page
    .getByRole("region", { name: "1 rotation not finished" })
    .getByRole("button", { name: "Finish rotation of prod-tts-fallback" })
    .click();
  await page
    .getByRole("dialog", { name: "Finish the rotation of prod-tts-fallback" })
    .getByRole("button", { name: "Disable the old key" })
    .click();
  await expect(page.getByRole("region", { name: /rotations? not finished/ })).toHaveCount(0);
  await expect(both.filter({ hasText: /Being replaced|Replacement/ })).toHaveCount(0);
  await expect(both.getByRole("switch", { checked: false })).toHaveCount(1);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Risk flags" })).toBeVisible();
  await expect(page.getByRole("region", { name: /rotations? not finished/ })).toHaveCount(0);
});
