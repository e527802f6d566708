// During a rotation the old and the new key share one name: All keys (table and phone cards) and
// Find a key tell them apart with a badge, "Old, being replaced" or "New", in words that a screen
// reader reads ("Rotation: …") and in the selection and Disable now controls' names. Once the
// rotation is finished (the old key disabled through Keydesk) the badges are gone: they follow
// Keydesk's rotation record, not the name or the provider.
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";

const NAME = `pair-${Date.now()}`;
const BOX = "Secret, last four characters, name or key id";

let api: APIRequestContext;

test.describe.configure({ timeout: 300_000 });

test.beforeAll(async () => {
  api = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
});
test.afterAll(() => api.dispose());

/** A key made and rotated through Keydesk: the old key, its replacement (same name), their account. */
async function rotatedPair() {
  const { "service-accounts": accounts } = await emulator.admin<{
    "service-accounts": { service_account_user_id: string }[];
  }>("GET", "/v1/service-accounts");
  const saId = accounts[0]!.service_account_user_id;
  const created = await api.post(`/api/service-accounts/${saId}/keys`, {
    data: { name: NAME, permissions: ["text_to_speech"] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const oldId = ((await created.json()) as { key: { id: string } }).key.id;
  const rotated = await api.post(`/api/service-accounts/${saId}/keys/${oldId}/rotate`, { data: {} });
  expect(rotated.status(), await rotated.text()).toBe(201);
  const newKey = ((await rotated.json()) as { key: { id: string; name: string } }).key;
  expect(newKey.name).toBe(NAME);
  return { saId, oldId, newId: newKey.id };
}

test("two keys of one name in a rotation are told apart in All keys and Find a key, until it is finished", async ({
  page,
}) => {
  const { saId, oldId, newId } = await rotatedPair();

  // All keys, the table: both rows carry the name; the badge says which is which, also to a screen reader.
  await page.goto(`/inventory?q=${encodeURIComponent(NAME)}`);
  const oldRow = page.locator(`tr[data-key-id="${oldId}"]`);
  const newRow = page.locator(`tr[data-key-id="${newId}"]`);
  await expect(oldRow.getByRole("rowheader")).toHaveAccessibleName(`${NAME} Rotation: Old, being replaced`, {
    timeout: 30_000,
  });
  await expect(newRow.getByRole("rowheader")).toHaveAccessibleName(`${NAME} Rotation: New`);
  await expect(oldRow.getByRole("link", { name: NAME, exact: true })).toBeVisible();
  await expect(oldRow.getByRole("checkbox")).toHaveAccessibleName(/^Select .*, old, being replaced\)$/);
  await expect(newRow.getByRole("checkbox")).toHaveAccessibleName(/^Select .*, new\)$/);
  // A key in no rotation has no badge.
  await page.goto("/inventory?q=ci-smoke-tests");
  const plain = page.locator("tr", {
    has: page.getByRole("rowheader", { name: "ci-smoke-tests", exact: true }),
  });
  await expect(plain).toHaveCount(1, { timeout: 30_000 });
  await expect(plain.locator("[data-rotation-role]")).toHaveCount(0);

  // On a phone: the cards say the same.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/inventory?q=${encodeURIComponent(NAME)}`);
  await expect(page.locator(`li[data-key-id="${oldId}"]`)).toContainText("Old, being replaced", {
    timeout: 30_000,
  });
  await expect(page.locator(`li[data-key-id="${newId}"]`)).toContainText("New");
  await expect(page.locator(`li[data-key-id="${newId}"]`)).not.toContainText("being replaced");
  await page.setViewportSize({ width: 1440, height: 900 });

  // Find a key, by the shared name: two candidates, each with its side, and Disable now names it too.
  await page.goto("/find");
  await expect(page.getByRole("button", { name: "Search", exact: true })).toBeEnabled();
  const box = page.getByRole("textbox", { name: BOX });
  await box.fill(NAME);
  await box.press("Enter");
  const oldCandidate = page.locator(`tr[data-key-id="${oldId}"]`);
  const newCandidate = page.locator(`tr[data-key-id="${newId}"]`);
  await expect(oldCandidate.getByRole("rowheader")).toHaveAccessibleName(
    `${NAME} Rotation: Old, being replaced`,
    { timeout: 30_000 },
  );
  await expect(newCandidate.getByRole("rowheader")).toHaveAccessibleName(`${NAME} Rotation: New`);
  await expect(
    oldCandidate.getByRole("button", { name: `Disable now ${NAME} (old, being replaced)`, exact: true }),
  ).toBeVisible();
  await expect(
    newCandidate.getByRole("button", { name: `Disable now ${NAME} (new)`, exact: true }),
  ).toBeVisible();

  // Finished (the old key disabled through Keydesk): no badge is left on either page.
  const finished = await api.patch(`/api/service-accounts/${saId}/keys/${oldId}`, {
    data: { enabled: false, reason: "rotation finished", expected: { enabled: true } },
  });
  expect(finished.status(), await finished.text()).toBe(200);
  await page.goto(`/inventory?q=${encodeURIComponent(NAME)}`);
  await expect(page.locator(`tr[data-key-id="${oldId}"]`)).toContainText("Disabled", { timeout: 30_000 });
  await expect(page.locator("[data-rotation-role]")).toHaveCount(0);
  await expect(page.locator(`tr[data-key-id="${oldId}"]`).getByRole("rowheader")).toHaveAccessibleName(NAME);
});
