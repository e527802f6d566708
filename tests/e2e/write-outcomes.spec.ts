// What the browser shows when ElevenLabs makes a change but answers with an error, and when a key
// made in ElevenLabs has a name with an invisible character: the truth, spelled out.
import type { Page } from "@playwright/test";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

const ACCOUNT = "Production TTS backend";

async function openAccount(page: Page, name = ACCOUNT) {
  await page.goto("/service-accounts");
  await page.getByRole("region", { name }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("a create answered 500 after the key was made: the dialog says its secret was lost, never 'try again', and the audit log says applied", async ({
  page,
}) => {
  await openAccount(page);
  await emulator.inject("POST", "/v1/service-accounts/*/api-keys", {
    kind: "status",
    status: 500,
    after: true,
  });

  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: `Create a key for ${ACCOUNT}` });
  await dialog.getByRole("textbox", { name: "Name" }).fill("e2e-lost-secret");
  await dialog.getByRole("radio", { name: /All permissions/ }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();

  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("The key was created but its secret was lost: rotate or delete it");
  await expect(alert).toContainText('Key "e2e-lost-secret"');
  await expect(alert).not.toContainText(/try again/i);
  await expect(dialog.getByRole("button", { name: "Create key" })).toHaveCount(0); // no second key from here
  const posted = (await emulator.requests()).filter(
    (r) => r.method === "POST" && r.path.endsWith("/api-keys"),
  );
  expect(posted).toHaveLength(1);

  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("rowheader", { name: "e2e-lost-secret", exact: true })).toBeVisible();

  await page.goto("/audit?action=key_created&target=e2e-lost-secret");
  const row = page.getByRole("table").locator("tbody tr").first();
  await expect(row).toContainText("e2e-lost-secret");
  await expect(row.locator("span", { hasText: /^applied$/ })).toBeVisible();
  // The audit log says the upstream's error in words (its code is in the row's raw record).
  await expect(row).toContainText(
    "confirmed by re-reading after: the provider could not be reached (HTTP 500)",
  );

  // Keydesk's own key, not one "made outside": nothing observed for it on later reads.
  await page.goto("/audit?action=key_observed_change&target=e2e-lost-secret");
  await expect(page.getByText("No audit events match these filters.")).toBeVisible();
});

test("a key named with a NUL in ElevenLabs shows it spelled out, in its account and on the audit log", async ({
  page,
}) => {
  await page.goto("/service-accounts"); // observing has begun before the key appears
  const { "service-account-user-id": saId } = await emulator.admin<{ "service-account-user-id": string }>(
    "POST",
    "/v1/service-accounts",
    { name: "Odd names" },
  );
  await emulator.admin("POST", `/v1/service-accounts/${saId}/api-keys`, {
    name: "a\u0000b",
    permissions: "all",
  });
  await emulator.admin("POST", `/v1/service-accounts/${saId}/api-keys`, {
    name: "lone \ud800 surrogate",
    permissions: "all",
  });

  await page.goto("/service-accounts");
  const section = page.getByRole("region", { name: "Odd names" });
  await expect(section.getByRole("rowheader").filter({ hasText: "a\\u0000b" })).toBeVisible();
  await expect(section.getByRole("rowheader").filter({ hasText: "lone \\ud800 surrogate" })).toBeVisible();

  await page.goto("/audit?action=key_observed_change");
  const table = page.getByRole("table");
  await expect(table).toContainText("a\\u0000b");
  await expect(table).toContainText("lone \\ud800 surrogate");
  // It can be deleted: the confirmation takes the name as shown.
  await page.goto("/service-accounts");
  await page.getByRole("region", { name: "Odd names" }).getByRole("link", { name: "Odd names" }).click();
  await page.getByRole("button", { name: "Delete a\\u0000b", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete a\\u0000b?" });
  await dialog.getByRole("textbox", { name: "Type a\\u0000b to confirm" }).fill("a\\u0000b");
  await dialog.getByRole("button", { name: "Delete key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deleted a\\u0000b." })).toBeVisible();
  await expect(page.getByRole("rowheader").filter({ hasText: "a\\u0000b" })).toHaveCount(0);
});
