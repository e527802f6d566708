// After "Disable now" on Find a key, the next steps (issue 13): the key's page, Rotate for an
// admin, and an incident summary on the clipboard; then the overview's tiles that explain
// themselves and the "No use this month" flag, against the controlled emulator.
import type { Page } from "@playwright/test";
import { keyHref } from "@/lib/key-href";
import { CONSOLE_ACCOUNTS, storageStatePath } from "@/tests/support/e2e-accounts";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

const BOX = "Secret, last four characters, name or key id";
const row = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

/** A key made outside Keydesk, in an account of its own, with its secret. */
async function leakableKey(name: string) {
  const { "service-account-user-id": saId } = await emulator.admin<{ "service-account-user-id": string }>(
    "POST",
    "/v1/service-accounts",
    { name: "Leak drill" },
  );
  const { "xi-api-key": secret, key_id: keyId } = await emulator.admin<{
    "xi-api-key": string;
    key_id: string;
  }>("POST", `/v1/service-accounts/${saId}/api-keys`, { name, permissions: "all" });
  return { saId, keyId, secret };
}

/** Searches for the secret and disables its key with the reason given. */
async function disableFromFind(page: Page, secret: string, name: string, reason: string) {
  await page.goto("/find");
  await expect(page.getByRole("button", { name: "Search", exact: true })).toBeEnabled();
  const box = page.getByRole("textbox", { name: BOX });
  await box.fill(secret);
  await box.press("Enter");
  const candidate = row(page, name);
  await candidate.getByRole("button", { name: "Disable now" }).click();
  const dialog = page.getByRole("dialog", { name: `Disable ${name}?` });
  await dialog.getByRole("textbox", { name: "Reason" }).fill(reason);
  await dialog.getByRole("button", { name: "Confirm and disable" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(candidate).toContainText(/Disabled at \d{2}:\d{2}:\d{2} by you/);
  return candidate;
}

test.describe("as support", () => {
  test.use({ storageState: storageStatePath("support") });

  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  });

  test("after Disable now: the key's page, and an incident summary for the ticket (no Rotate for support)", async ({
    page,
  }) => {
    const name = "leaked-in-a-ticket";
    const { saId, keyId, secret } = await leakableKey(name);
    const href = keyHref({ group: saId, keyId });

    const before = Date.now();
    const candidate = await disableFromFind(page, secret, name, "found in ticket 4711");
    const after = Date.now();

    // The key's name and the next step both lead to its page.
    await expect(candidate.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
    const steps = candidate.getByRole("group", { name: `Next steps for ${name}` });
    await expect(steps.getByRole("link", { name: /^Open key page/ })).toHaveAttribute("href", href);
    await expect(steps.getByRole("button", { name: /^Rotate/ })).toHaveCount(0);

    await steps.getByRole("button", { name: /^Copy incident summary/ }).click();
    await expect(steps.getByRole("status").filter({ hasText: "Incident summary copied." })).toBeVisible();
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    const origin = new URL(page.url()).origin;
    const lines = summary.split("\n");
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(`Key disabled: ${name} (id ${keyId})`);
    expect(lines[1]).toMatch(/^Connection: .+ \(ElevenLabs\)$/);
    expect(lines[2]).toBe(
      `Disabled by: ${CONSOLE_ACCOUNTS.support.name} <${CONSOLE_ACCOUNTS.support.email}>`,
    );
    expect(lines[4]).toBe("Reason: found in ticket 4711");
    expect(lines[5]).toBe(`Key page: ${origin}${href}`);
    expect(lines[6]).toBe(`Audit log for this key: ${origin}/audit?target=${encodeURIComponent(keyId)}`);
    const at = Date.parse(lines[3]!.replace("Disabled at: ", ""));
    expect(lines[3]).toMatch(/^Disabled at: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(after + 1000);
    expect(summary).not.toContain(secret);
    expect(summary).not.toContain(secret.slice(0, 12));

    // The audit link finds the disable, with the same reason.
    await page.goto(`/audit?target=${encodeURIComponent(keyId)}`);
    await expect(page.getByRole("main")).toContainText("found in ticket 4711");
  });
});

test.describe("as an admin", () => {
  test("after Disable now, Rotate opens the rotation of that key", async ({ page }) => {
    const name = "leaked-for-rotation";
    const { saId, secret } = await leakableKey(name);
    const candidate = await disableFromFind(page, secret, name, "leaked publicly");
    const steps = candidate.getByRole("group", { name: `Next steps for ${name}` });
    await steps.getByRole("button", { name: /^Rotate/ }).click();
    const dialog = page.getByRole("dialog", { name: `Rotate ${name}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Rotate key" }).click();
    await expect(page.getByRole("dialog", { name: `New secret for ${name}` })).toBeVisible();
    // The new key is in the same service account, beside the disabled one.
    const { "api-keys": keys } = await emulator.admin<{ "api-keys": unknown[] }>(
      "GET",
      `/v1/service-accounts/${saId}/api-keys`,
    );
    expect(keys).toHaveLength(2);
  });
});

interface WireKey {
  key_id: string;
  is_disabled: boolean;
  character_count: number | null;
  character_limit: number | null;
  created_at_unix: number | null;
}

test.describe("as a security reviewer", () => {
  test.use({ storageState: storageStatePath("reviewer") });

  test("overview tiles say in a line what they count; 'No use this month' counts and filters unused keys", async ({
    page,
  }) => {
    const accounts = (
      await emulator.admin<{ "service-accounts": { "api-keys": WireKey[] }[] }>("GET", "/v1/service-accounts")
    )["service-accounts"];
    const monthStart = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1) / 1000;
    // One key of before this month, enabled and not blocked, made unused this month.
    const old = accounts
      .flatMap((a) => a["api-keys"])
      .find(
        (k) =>
          !k.is_disabled &&
          k.character_limit !== 0 &&
          k.created_at_unix !== null &&
          k.created_at_unix < monthStart,
      );
    expect(old, "the demo workspace has a key from before this month").toBeDefined();
    const res = await fetch(`${E2E.emulatorUrl}/__emulator/usage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ keyId: old!.key_id, characterCount: 0 }),
    });
    expect(res.status).toBe(200);
    const keys = (
      await emulator.admin<{ "service-accounts": { "api-keys": WireKey[] }[] }>("GET", "/v1/service-accounts")
    )["service-accounts"].flatMap((a) => a["api-keys"]);
    const unused = keys.filter(
      (k) =>
        !k.is_disabled &&
        k.character_count === 0 &&
        k.character_limit !== 0 &&
        (k.created_at_unix === null || k.created_at_unix < monthStart),
    );
    expect(unused.length).toBeGreaterThanOrEqual(1);

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    // Each tile's line is on the page (not only on hover) and is the link's description.
    const total = page.getByRole("link", { name: new RegExp(`^Keys\\s*${keys.length}$`) });
    await expect(total).toHaveAccessibleDescription("Every key in the ElevenLabs workspace");
    await expect(page.getByText("Every key in the ElevenLabs workspace")).toBeVisible();
    const tile = page.getByRole("link", {
      name: new RegExp(`^No use this month\\s*${unused.length} keys?$`),
    });
    await expect(tile).toHaveAccessibleDescription("Enabled keys that used no characters this month");
    await expect(page.getByText("Enabled keys that used no characters this month")).toBeVisible();
    await expect(page.getByText("Keys with no monthly character cap")).toBeVisible();

    await tile.click();
    await expect(page).toHaveURL(/\/inventory\?connection=env-elevenlabs&risk=no_use_this_month$/);
    const rows = page.getByRole("region", { name: /^Keys/ }).locator("tbody tr[data-key-id]");
    await expect(rows).toHaveCount(unused.length);
    await expect(page.locator(`tbody tr[data-key-id="${old!.key_id}"]`)).toContainText("No use this month");
  });
});
