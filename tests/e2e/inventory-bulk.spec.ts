// Bulk enable and disable from the "All keys" inventory, against the controlled emulator reset to a
// bulk workspace: 5 service accounts × 50 keys, about one key in ten starting disabled (see
// lib/emulator/elevenlabs/seed.ts). Every expectation is computed from the emulator's admin API before the
// run, and checked against it after: the keys chosen change, and nothing else does.
import type { Page } from "@playwright/test";
import type { LoggedRequest } from "@/lib/emulator/elevenlabs/request-log";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

const BULK = { serviceAccounts: 5, keysPerAccount: 50 };
// A 503 on a write is checked against ElevenLabs before it is reported: these were not applied.
const UNAVAILABLE = /HTTP 503\)\. Keydesk checked: nothing was changed, so it is safe to try again\./;

interface WireKey {
  key_id: string;
  name: string;
  is_disabled: boolean;
  disable_reason: string | null;
  [field: string]: unknown;
}
interface WireAccount {
  service_account_user_id: string;
  name: string;
  "api-keys": WireKey[];
}
interface Key {
  saId: string;
  saName: string;
  id: string;
  name: string;
  enabled: boolean;
  wire: WireKey;
}

/** Every key of the workspace, as the admin API (not Keydesk) sees it, in the emulator's order. */
async function workspace(): Promise<Key[]> {
  const { "service-accounts": accounts } = await emulator.admin<{ "service-accounts": WireAccount[] }>(
    "GET",
    "/v1/service-accounts",
  );
  return accounts.flatMap((sa) =>
    sa["api-keys"].map((k) => ({
      saId: sa.service_account_user_id,
      saName: sa.name,
      id: k.key_id,
      name: k.name,
      enabled: !k.is_disabled,
      wire: k,
    })),
  );
}

/** The workspace's service accounts, by name (the seed names them payments-service-001, search-service-002, …). */
function accountsByName(keys: Key[]): { id: string; name: string }[] {
  const byId = new Map(keys.map((k) => [k.saId, k.saName]));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

const upstreamPath = (k: Pick<Key, "saId" | "id">) => `/v1/service-accounts/${k.saId}/api-keys/${k.id}`;
const label = (k: Key) => `${k.name} (${k.saName})`;

async function patches(): Promise<LoggedRequest[]> {
  return (await emulator.requests()).filter((r) => r.method === "PATCH");
}

/**
 * What the workspace must look like now: the keys in `disabled` disabled (the emulator clears the
 * disable reason when it changes the status), every other key exactly as it was.
 */
function expectedWorkspace(before: Key[], disabled: Set<string>, enabled = new Set<string>()): WireKey[] {
  return before.map((k) => {
    if (disabled.has(k.id)) return { ...k.wire, is_disabled: true, disable_reason: null };
    if (enabled.has(k.id)) return { ...k.wire, is_disabled: false, disable_reason: null };
    return k.wire;
  });
}

function inventoryUrl(filters: { sa?: string[]; status?: "enabled" | "disabled"; q?: string }): string {
  const params = new URLSearchParams();
  for (const id of filters.sa ?? []) params.append("sa", id);
  if (filters.status) params.set("status", filters.status);
  if (filters.q) params.set("q", filters.q);
  return `/inventory?${params}`;
}

/** Waits for the rows, selects every key matching the URL's filters, and checks the count. */
async function selectAllMatching(page: Page, count: number) {
  // Any row's checkbox: the table has loaded (the header's box alone could be ticked before it has).
  await expect(page.getByRole("checkbox", { name: /^Select (?!all keys matching)/ }).first()).toBeVisible({
    timeout: 15_000,
  });
  await page.getByRole("checkbox", { name: "Select all keys matching the filters" }).check();
  await expect(page.getByText(new RegExp(`(^|\\D)${count} selected`)).first()).toBeVisible();
}

function dialogNamed(page: Page, name: string) {
  return page.getByRole("dialog", { name });
}

test.describe("as an admin", () => {
  test("disables 200 keys with five upstream failures: 195 disabled, the five named and retried, nothing else changed", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await emulator.reset(BULK);
    const chosen = accountsByName(await workspace()).slice(0, 4);
    const chosenIds = new Set(chosen.map((a) => a.id));
    // The drill is 200 keys: switch on, straight at the emulator, the few keys the seed starts
    // disabled in these four accounts, so all 4 x 50 are enabled. The fifth account keeps its mix.
    for (const k of (await workspace()).filter((k) => chosenIds.has(k.saId) && !k.enabled))
      await emulator.admin("PATCH", upstreamPath(k), { is_enabled: true });
    const setupPatches = (await patches()).length;
    const before = await workspace();
    const targets = before.filter((k) => chosenIds.has(k.saId) && k.enabled);
    const n = targets.length;
    expect(n).toBe(200);
    expect(before.some((k) => !chosenIds.has(k.saId) && k.enabled)).toBe(true);
    expect(before.some((k) => !chosenIds.has(k.saId) && !k.enabled)).toBe(true);

    // Five keys spread over the run whose PATCH (not the GET Keydesk reads first) fails once.
    const failing = [0, 1, 2, 3, 4].map((i) => targets[Math.floor((i * n) / 5) + 3]!);
    for (const k of failing)
      await emulator.inject("PATCH", upstreamPath(k), { kind: "status", status: 503 }, 1);

    await page.goto(inventoryUrl({ sa: chosen.map((a) => a.id), status: "enabled" }));
    await selectAllMatching(page, n);
    await page.getByRole("button", { name: "Disable selected" }).click();

    const dialog = dialogNamed(page, `Disable ${n} keys?`);
    await expect(dialog).toContainText("stop working at once");
    await expect(dialog).not.toContainText("already disabled");
    const reason = dialog.getByRole("textbox", { name: "Reason" });
    await expect(reason).toBeFocused();
    await reason.fill("E2E: offboarding four teams");
    await dialog.getByRole("button", { name: `Disable ${n} keys`, exact: true }).click();

    const status = dialog.getByRole("status");
    await expect(status).toHaveText(`${n - 5} disabled, 5 failed.`, { timeout: 150_000 });
    const progress = dialog.getByRole("progressbar", { name: "Progress" });
    await expect(progress).toHaveJSProperty("max", n);
    await expect(progress).toHaveJSProperty("value", n);
    const failedList = dialog.getByRole("list", { name: "Keys that failed" });
    await expect(failedList.getByRole("listitem")).toHaveCount(5);
    for (const k of failing) {
      const item = failedList.getByRole("listitem").filter({ hasText: `${label(k)}: ` });
      await expect(item).toHaveCount(1);
      await expect(item).toContainText(UNAVAILABLE);
    }
    await expect(dialog.getByRole("button", { name: "Close", exact: true })).toBeFocused();

    // Upstream: exactly the others are disabled; the five failed ones and every other key are as they were.
    const failingIds = new Set(failing.map((k) => k.id));
    const disabledNow = new Set(targets.filter((k) => !failingIds.has(k.id)).map((k) => k.id));
    expect((await workspace()).map((k) => k.wire)).toEqual(expectedWorkspace(before, disabledNow));
    // One PATCH per chosen key, none for any other key, and nothing sent but the status.
    const sent = (await patches()).slice(setupPatches);
    expect(sent.map((r) => r.path).sort()).toEqual(targets.map(upstreamPath).sort());
    for (const r of sent) expect(r.body, r.path).toEqual({ is_enabled: false });

    // The faults were for one request each: a retry finishes the job, sending only the five again.
    await dialog.getByRole("button", { name: "Retry the 5 failed" }).click();
    await expect(status).toHaveText(`${n} disabled.`, { timeout: 60_000 });
    await expect(failedList).toHaveCount(0);
    expect((await workspace()).map((k) => k.wire)).toEqual(
      expectedWorkspace(before, new Set(targets.map((k) => k.id))),
    );
    const retried = (await patches()).slice(setupPatches + sent.length);
    expect(retried.map((r) => r.path).sort()).toEqual(failing.map(upstreamPath).sort());
    for (const r of retried) expect(r.body, r.path).toEqual({ is_enabled: false });

    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(dialog).toHaveCount(0);
  });

  test("keys already disabled are listed as left alone; an empty reason is refused; cancelling sends nothing", async ({
    page,
  }) => {
    await emulator.reset(BULK);
    const before = await workspace();
    const [account] = accountsByName(before);
    const keys = before.filter((k) => k.saId === account!.id);
    const already = keys.filter((k) => !k.enabled);
    expect(already.length).toBeGreaterThan(1); // 4 with this seed; the note below is in the plural

    await page.goto(inventoryUrl({ sa: [account!.id] }));
    await selectAllMatching(page, keys.length);
    await page.getByRole("button", { name: "Disable selected" }).click();
    const n = keys.length - already.length;
    const dialog = dialogNamed(page, `Disable ${n} keys?`);
    const note = dialog.getByText(`${already.length} are already disabled and will be left alone.`);
    await note.click(); // opens the list
    const leftAlone = dialog.getByRole("list", { name: "Keys already disabled" });
    await expect(leftAlone.getByRole("listitem")).toHaveCount(already.length);
    for (const k of already) await expect(leftAlone).toContainText(label(k));

    const reason = dialog.getByRole("textbox", { name: "Reason" });
    await dialog.getByRole("button", { name: `Disable ${n} keys`, exact: true }).click();
    await expect(reason).toHaveAccessibleDescription(/Give a reason/);
    await expect(reason).toBeFocused();
    await expect(dialog.getByRole("progressbar")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
    expect(await patches()).toHaveLength(0);
  });

  test("an admin enables without a reason; only the disabled keys are sent", async ({ page }) => {
    await emulator.reset(BULK);
    const before = await workspace();
    const [account] = accountsByName(before);
    const disabled = before.filter((k) => k.saId === account!.id && !k.enabled);

    await page.goto(inventoryUrl({ sa: [account!.id], status: "disabled" }));
    await selectAllMatching(page, disabled.length);
    await page.getByRole("button", { name: "Enable selected" }).click();
    const dialog = dialogNamed(page, `Enable ${disabled.length} keys?`);
    await dialog.getByRole("button", { name: `Enable ${disabled.length} keys`, exact: true }).click();
    await expect(dialog.getByRole("status")).toHaveText(`${disabled.length} enabled.`, { timeout: 30_000 });

    expect((await workspace()).map((k) => k.wire)).toEqual(
      expectedWorkspace(before, new Set(), new Set(disabled.map((k) => k.id))),
    );
    const sent = await patches();
    expect(sent.map((r) => r.path).sort()).toEqual(disabled.map(upstreamPath).sort());
    for (const r of sent) expect(r.body, r.path).toEqual({ is_enabled: true });
  });

  test("Stop leaves the keys not yet started alone; closing while running asks first", async ({ page }) => {
    test.setTimeout(90_000);
    await emulator.reset(BULK);
    const before = await workspace();
    const [account] = accountsByName(before);
    const targets = before.filter((k) => k.saId === account!.id && k.enabled);
    const n = targets.length;
    // Every PATCH slowed (well inside Keydesk's 2 s upstream timeout) so the run is still going when Stop is pressed.
    await emulator.inject(
      "PATCH",
      "/v1/service-accounts/*/api-keys/*",
      { kind: "latency", ms: 1_200 },
      1_000,
    );

    await page.goto(inventoryUrl({ sa: [account!.id], status: "enabled" }));
    await selectAllMatching(page, n);
    await page.getByRole("button", { name: "Disable selected" }).click();
    const dialog = dialogNamed(page, `Disable ${n} keys?`);
    await dialog.getByRole("textbox", { name: "Reason" }).fill("E2E: stopped half way");
    await dialog.getByRole("button", { name: `Disable ${n} keys`, exact: true }).click();

    const stop = dialog.getByRole("button", { name: "Stop", exact: true });
    await expect(stop).toBeFocused();
    await page.keyboard.press("Escape");
    const ask = dialog.getByRole("alert").filter({ hasText: "Keys are still being changed" });
    await expect(ask).toBeVisible();
    await ask.getByRole("button", { name: "Keep going" }).click();
    await expect(ask).toHaveCount(0);
    await expect(dialog).toBeVisible();
    await stop.click();

    const status = dialog.getByRole("status");
    const summary = /^(\d+) disabled, (\d+) not started\.$/;
    await expect(status).toHaveText(summary, { timeout: 30_000 });
    const [, done, notStarted] = ((await status.textContent()) ?? "").match(summary)!.map(Number);
    expect(done! + notStarted!).toBe(n);
    expect(done).toBeGreaterThanOrEqual(1);
    expect(notStarted).toBeGreaterThan(0);

    // Exactly the keys sent are disabled; those not started, and everything else, are as they were.
    const sent = await patches();
    expect(sent).toHaveLength(done!);
    const sentIds = new Set(sent.map((r) => r.path.split("/").at(-1)!));
    expect(targets.filter((k) => sentIds.has(k.id))).toHaveLength(done!);
    expect((await workspace()).map((k) => k.wire)).toEqual(expectedWorkspace(before, sentIds));
  });
});

test.describe("as support", () => {
  test.use({ storageState: storageStatePath("support") });

  test("disables two keys with a reason, which is required to disable and to enable", async ({ page }) => {
    await emulator.reset(BULK);
    const before = await workspace();
    const [account] = accountsByName(before);
    // "tts-0" is in two key names of the first account (tts-01, tts-09) and in no hint, id or
    // account name (hints are hex, ids have no dashes), so the search finds exactly these.
    const two = before.filter((k) => k.saId === account!.id && k.enabled && k.name.includes("tts-0"));
    expect(two).toHaveLength(2);

    await page.goto(inventoryUrl({ sa: [account!.id], status: "enabled", q: "tts-0" }));
    await selectAllMatching(page, 2);
    await page.getByRole("button", { name: "Disable selected" }).click();
    const dialog = dialogNamed(page, "Disable 2 keys?");
    const reason = dialog.getByRole("textbox", { name: "Reason" });
    await dialog.getByRole("button", { name: "Disable 2 keys", exact: true }).click();
    await expect(reason).toHaveAccessibleDescription(/Give a reason/);
    await expect(reason).toBeFocused();
    await expect(dialog.getByRole("progressbar")).toHaveCount(0);
    expect(await patches()).toHaveLength(0);

    await page.keyboard.type("Leaked in a support ticket");
    await page.keyboard.press("Enter");
    await expect(dialog.getByRole("status")).toHaveText("2 disabled.", { timeout: 30_000 });
    await expect(dialog.getByRole("list", { name: "Keys that failed" })).toHaveCount(0);
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(dialog).toHaveCount(0);

    expect((await workspace()).map((k) => k.wire)).toEqual(
      expectedWorkspace(before, new Set(two.map((k) => k.id))),
    );
    const sent = await patches();
    expect(sent.map((r) => r.path).sort()).toEqual(two.map(upstreamPath).sort());
    for (const r of sent) expect(r.body, r.path).toEqual({ is_enabled: false });

    // Enabling them again needs a reason from support too.
    await page.goto(inventoryUrl({ sa: [account!.id], status: "disabled", q: "tts-0" }));
    await selectAllMatching(page, 2);
    await page.getByRole("button", { name: "Enable selected" }).click();
    const enableDialog = dialogNamed(page, "Enable 2 keys?");
    await enableDialog.getByRole("button", { name: "Enable 2 keys", exact: true }).click();
    await expect(enableDialog.getByRole("textbox", { name: "Reason" })).toHaveAccessibleDescription(
      /Give a reason/,
    );
    await enableDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(enableDialog).toHaveCount(0);
    expect(await patches()).toHaveLength(2);
  });
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStatePath("reviewer") });

  test("sees the inventory with no checkboxes and no bulk buttons", async ({ page }) => {
    // The demo workspace (every test starts from it).
    await page.goto("/inventory");
    await expect(page.getByLabel("Search keys")).toBeVisible();
    await expect(page.getByText("prod-tts-primary", { exact: true }).first()).toBeVisible({
      timeout: 15_000,
    });
    await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Disable|Enable) selected$/ })).toHaveCount(0);
    await expect(page.getByText(/\d+ selected/)).toHaveCount(0);
  });
});
