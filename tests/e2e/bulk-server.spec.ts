// Bulk changes made on Keydesk's server (lib/bulk): started from All keys, they go on when the
// dialog is closed and the page reloaded, and their progress and results reopen from "Bulk changes";
// Stop leaves the keys not yet begun alone. Against the controlled emulator, whose key writes are
// slowed here so a change is still under way when the test acts on it. Every expectation about the
// keys is checked against the emulator's admin API.
import type { Page } from "@playwright/test";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

interface WireAccount {
  service_account_user_id: string;
  name: string;
  "api-keys": { key_id: string; is_disabled: boolean }[];
}

const KEY_PATH = "/v1/service-accounts/*/api-keys/*";

/** The first service account of a fresh bulk workspace, with every one of its keys enabled. */
async function accountAllEnabled(keysPerAccount: number): Promise<{ saId: string; keyIds: string[] }> {
  await emulator.reset({ serviceAccounts: 2, keysPerAccount });
  const { "service-accounts": accounts } = await emulator.admin<{ "service-accounts": WireAccount[] }>(
    "GET",
    "/v1/service-accounts",
  );
  const sa = accounts.sort((a, b) => a.name.localeCompare(b.name))[0]!;
  for (const k of sa["api-keys"].filter((k) => k.is_disabled))
    await emulator.admin("PATCH", `/v1/service-accounts/${sa.service_account_user_id}/api-keys/${k.key_id}`, {
      is_enabled: true,
    });
  return { saId: sa.service_account_user_id, keyIds: sa["api-keys"].map((k) => k.key_id) };
}

async function disabledNow(saId: string): Promise<string[]> {
  const { "service-accounts": accounts } = await emulator.admin<{ "service-accounts": WireAccount[] }>(
    "GET",
    "/v1/service-accounts",
  );
  const sa = accounts.find((a) => a.service_account_user_id === saId)!;
  return sa["api-keys"].filter((k) => k.is_disabled).map((k) => k.key_id);
}

async function keyPatches(): Promise<number> {
  return (await emulator.requests()).filter((r) => r.method === "PATCH").length;
}

async function startBulkDisable(page: Page, saId: string, n: number, reason: string) {
  await page.goto(`/inventory?sa=${encodeURIComponent(saId)}&status=enabled`);
  await expect(page.getByRole("checkbox", { name: /^Select (?!all keys matching)/ }).first()).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole("checkbox", { name: "Select all keys matching the filters" }).check();
  await expect(page.getByText(new RegExp(`(^|\\D)${n} selected`)).first()).toBeVisible();
  await page.getByRole("button", { name: "Disable selected" }).click();
  const dialog = page.getByRole("dialog", { name: `Disable ${n} keys?` });
  await dialog.getByRole("textbox", { name: "Reason" }).fill(reason);
  await dialog.getByRole("button", { name: `Disable ${n} keys`, exact: true }).click();
  return dialog;
}

test.describe("as an admin", () => {
  test("a bulk disable goes on with the dialog closed and the page reloaded; its results reopen from Bulk changes", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const { saId, keyIds } = await accountAllEnabled(6);
    const setup = await keyPatches();
    // Each key write takes a while, so the change is under way when the dialog is closed.
    await emulator.inject("PATCH", KEY_PATH, { kind: "latency", ms: 700 }, 50);

    const dialog = await startBulkDisable(page, saId, keyIds.length, "E2E: server-side bulk disable");
    await expect(dialog.getByRole("progressbar", { name: "Progress" })).toBeVisible();
    await expect(dialog).toContainText("you can close this");
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(dialog).toHaveCount(0);

    await page.reload();
    const indicator = page.getByRole("region", { name: "Bulk changes" });
    await expect(indicator).toBeVisible({ timeout: 30_000 });
    const entry = indicator.getByRole("button", {
      name: /^(Disabling 6 keys: \d of 6 done|Bulk disable: 6 disabled\.)$/,
    });
    await expect(entry).toBeVisible();
    // The job finishes with nobody's tab doing anything; the indicator says so.
    const done = indicator.getByRole("button", { name: "Bulk disable: 6 disabled." });
    await expect(done).toBeVisible({ timeout: 120_000 });
    await done.click();
    const results = page.getByRole("dialog", { name: "Bulk change" });
    await expect(results.getByRole("status")).toHaveText("6 disabled.", { timeout: 30_000 });
    await expect(results.getByRole("list", { name: "Keys that failed" })).toHaveCount(0);
    await results.getByRole("button", { name: "Close", exact: true }).click();

    // Upstream: exactly these keys disabled, each written once.
    expect((await disabledNow(saId)).sort()).toEqual([...keyIds].sort());
    expect((await keyPatches()) - setup).toBe(keyIds.length);
  });

  test("Stop leaves the keys not yet begun alone, and says how many", async ({ page }) => {
    test.setTimeout(180_000);
    const { saId, keyIds } = await accountAllEnabled(12);
    const setup = await keyPatches();
    await emulator.inject("PATCH", KEY_PATH, { kind: "latency", ms: 1500 }, 50);

    const dialog = await startBulkDisable(page, saId, keyIds.length, "E2E: stopped half way");
    const stop = dialog.getByRole("button", { name: "Stop", exact: true });
    await expect(stop).toBeVisible({ timeout: 30_000 });
    await stop.click();
    const status = dialog.getByRole("status");
    await expect(status).toHaveText(/^\d+ disabled, \d+ not started\.$/, { timeout: 60_000 });
    const [, changed, notStarted] = /^(\d+) disabled, (\d+) not started\.$/.exec(
      (await status.textContent())!,
    )!;
    expect(Number(changed) + Number(notStarted)).toBe(keyIds.length);
    expect(Number(notStarted)).toBeGreaterThan(0);
    await expect(dialog.getByText(`${notStarted} not started because the change was stopped`)).toBeVisible();

    // Upstream: the keys said to be disabled are, no others were written.
    expect(await disabledNow(saId)).toHaveLength(Number(changed));
    expect((await keyPatches()) - setup).toBe(Number(changed));
  });
});
