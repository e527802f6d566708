// Demo mode: `npm start` with no admin key shows the seeded emulator's workspace, every key of it.
import { expect, test } from "@playwright/test";
import { applySeed } from "@/lib/emulator/elevenlabs/seed";
import { EmulatorStore } from "@/lib/emulator/elevenlabs/store";
import { signIn } from "@/tests/support/sign-in";
import { E2E } from "@/tests/support/e2e-servers";

test.beforeEach(async ({ page }) => {
  await signIn(page, "admin@demo.keydesk", "keydesk-demo");
});

// The demo seed is deterministic, so the same seed applied here says what the page must show.
function demoWorkspace() {
  const store = new EmulatorStore();
  applySeed(store, "demo");
  return [...store.serviceAccounts.values()].map((sa) => ({ name: sa.name, keys: [...sa.keys.values()] }));
}

test("shows the demo banner and every seeded service account with its keys", async ({ page }) => {
  await page.goto("/service-accounts");
  await expect(page.getByRole("region", { name: "Demo mode" })).toContainText("four built-in emulators");
  await expect(page.getByRole("heading", { level: 1, name: "Service accounts" })).toBeVisible();

  const workspace = demoWorkspace();
  expect(workspace.length).toBeGreaterThanOrEqual(5);
  for (const account of workspace) {
    const section = page.getByRole("region", { name: account.name });
    await expect(section).toBeVisible();
    if (account.keys.length === 0) {
      await expect(section).toContainText("no API keys yet");
      continue;
    }
    const rows = section.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(account.keys.length);
    for (const key of account.keys) {
      const row = section
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: key.name, exact: true }) });
      await expect(row).toContainText(`…${key.hint}`);
      await expect(row).toContainText(key.is_disabled ? "Disabled" : "Enabled");
    }
  }
});

test("each service account's own page lists its keys, with the controls an admin may use", async ({
  page,
}) => {
  for (const account of demoWorkspace()) {
    await page.goto("/service-accounts");
    await page.getByRole("region", { name: account.name }).getByRole("link", { name: account.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: account.name })).toBeVisible();
    if (account.keys.length === 0) {
      await expect(page.getByText("no API keys yet")).toBeVisible();
      continue;
    }
    await expect(page.getByRole("button", { name: "Create key" })).toBeVisible();
    await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(account.keys.length);
    for (const key of account.keys) {
      const row = page
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: key.name, exact: true }) });
      await expect(row).toContainText(`…${key.hint}`);
      await expect(row.getByRole("switch", { name: `${key.name} enabled` })).toHaveAttribute(
        "aria-checked",
        key.is_disabled ? "false" : "true",
      );
    }
  }
});

test("summarises access, usage and allowlists the way a reviewer reads them", async ({ page }) => {
  await page.goto("/service-accounts");
  const row = (name: string) =>
    page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

  await expect(row("prod-tts-primary")).toContainText("3 of 51");
  await expect(row("prod-tts-primary")).toContainText("203.0.113.0/24 +1 more");
  await expect(row("prod-tts-primary").getByRole("meter", { name: "Monthly usage" })).toHaveAttribute(
    "aria-valuetext",
    "4,350,000 of 5,000,000 characters (87%)",
  );
  await expect(row("prod-tts-primary")).toContainText("near limit");
  await expect(row("prod-tts-fallback")).toContainText("limit reached");
  await expect(row("prod-tts-legacy")).toContainText("All permissions");
  await expect(row("prod-tts-legacy")).toContainText("Any IP");
  await expect(row("agent-analytics-readonly")).toContainText("Read-only");
  await expect(row("placeholder-no-access")).toContainText("No permissions");
  await expect(row("prod-tts-ipv6")).toContainText("2001:db8:abcd::/48 +1 more");
});

test("sends no secret and no admin key to the browser", async ({ page }) => {
  const response = await page.goto("/service-accounts");
  const html = (await response?.text()) ?? "";
  expect(html).toContain("prod-tts-primary");
  expect(html).not.toMatch(/sk_[0-9a-f]{48}/);
  expect(html).not.toContain("demo_admin_");
});

test("the overview after sign-in counts the demo workspace, and its flags lead to those keys", async ({
  page,
}) => {
  const workspace = demoWorkspace();
  const keys = workspace.flatMap((a) => a.keys);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(
    page.getByRole("link", { name: /^Service accounts/ }).filter({ hasText: String(workspace.length) }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`^Keys\\s*${keys.length}$`) })).toBeVisible();
  const disabled = keys.filter((k) => k.is_disabled).length;
  await page.getByRole("link", { name: new RegExp(`^Disabled\\s*${disabled} keys?$`) }).click();
  await expect(page).toHaveURL(/\/inventory\?connection=demo-elevenlabs&risk=disabled$/);
  await expect(page.getByRole("region", { name: /^Keys/ }).locator("tbody tr[data-key-id]")).toHaveCount(
    disabled,
  );
});

test("the inventory's read is shared for a few seconds, Refresh reads anew, and a change is read back at once", async ({
  page,
}) => {
  // The demo server keeps the default reuse (KEYDESK_SHARED_READ_MS unset: 5 s).
  const origin = { origin: new URL(E2E.demoUrl).origin };
  type Inventory = { generatedAt: string; keys: { id: string; name: string; serviceAccountId: string }[] };
  const inventory = async (query = "") => {
    const response = await page.request.get(`/api/inventory${query}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as Inventory;
  };
  await inventory("?fresh=1"); // run alone, this may take the snapshot's baseline (which ends a reuse)
  const first = await inventory("?fresh=1");
  const second = await inventory();
  expect(second.generatedAt).toBe(first.generatedAt);
  const fresh = await inventory("?fresh=1");
  expect(Date.parse(fresh.generatedAt)).toBeGreaterThan(Date.parse(first.generatedAt));
  const bad = await page.request.get("/api/inventory?fresh=yes");
  expect(bad.status()).toBe(422);
  expect(JSON.stringify(await bad.json())).toContain("fresh");

  // Change, then read back: the write ends the reuse, here and now.
  const saId = first.keys[0]!.serviceAccountId;
  const created = await page.request.post(`/api/service-accounts/${saId}/keys`, {
    data: { name: "shared-read-check", permissions: ["text_to_speech"] },
    headers: origin,
  });
  expect(created.status()).toBe(201);
  const { key } = (await created.json()) as { key: { id: string } };
  expect((await inventory()).keys.map((k) => k.id)).toContain(key.id);
  const deleted = await page.request.delete(`/api/service-accounts/${saId}/keys/${key.id}`, {
    data: {},
    headers: origin,
  });
  expect(deleted.status()).toBe(200);
  expect((await inventory()).keys.map((k) => k.id)).not.toContain(key.id);

  // The page says how fresh what it shows is.
  await page.goto("/inventory");
  await expect(page.getByText(/^As of \d\d:\d\d:\d\d/).locator("time")).toHaveAttribute(
    "datetime",
    /^\d{4}-\d\d-\d\dT/,
  );
});
