// A rotation's finish on a timetable, in a real browser against the emulator over real HTTP: an
// admin schedules it from the old key's page (24 h / 7 d to start with), sees the countdown there
// and on the new key's page, changes it, and cancels it after a confirmation; a bad number is
// refused on its field; a reviewer sees the schedule but no control. The job's steps themselves are
// tested with a test clock (lib/rotation-schedule, tests/integration/rotation-schedule-api.test.ts).
import { request as playwrightRequest, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { E2E } from "@/tests/support/e2e-servers";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });

/** A key of the primary workspace, rotated through Keydesk: its old and new ids. */
async function aRotation(): Promise<{ saId: string; oldId: string; newId: string; name: string }> {
  const { "service-accounts": accounts } = await emulator.admin<{
    "service-accounts": { service_account_user_id: string; name: string }[];
  }>("GET", "/v1/service-accounts");
  const saId = accounts.find((a) => a.name === "Production TTS backend")!.service_account_user_id;
  const name = `deadline-check-${Date.now()}`;
  const api = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  try {
    const created = await api.post(`/api/service-accounts/${saId}/keys`, {
      data: { name, permissions: ["voices_read"] },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { key } = (await created.json()) as { key: { id: string } };
    const rotated = await api.post(`/api/service-accounts/${saId}/keys/${key.id}/rotate`);
    expect(rotated.status(), await rotated.text()).toBe(201);
    const { key: replacement } = (await rotated.json()) as { key: { id: string } };
    return { saId, oldId: key.id, newId: replacement.id, name };
  } finally {
    await api.dispose();
  }
}

const rotation = (page: Page) => page.getByRole("region", { name: "Rotation", exact: true });
const lines = (page: Page) => rotation(page).getByTestId("rotation-deadline-lines");
const DISABLE_IN_24H = /This key disabled in (24 h|23 h 59 min) \(/;
const DELETE_IN_7D = /This key deleted on .* \(in (7 d|6 d 23 h)\)/;

test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("schedules the finish from the old key's page, sees the countdown on both keys, changes and cancels it", async ({
    page,
  }) => {
    const { saId, oldId, newId } = await aRotation();
    await page.goto(`/service-accounts/${saId}/keys/${oldId}`);
    const form = rotation(page).getByRole("form", { name: "Schedule the finish of this rotation" });
    await expect(form.getByRole("checkbox", { name: "Disable it in" })).toBeChecked();
    await expect(form.getByRole("textbox", { name: "Hours until it is disabled" })).toHaveValue("24");
    await expect(form.getByRole("checkbox", { name: "Delete it in" })).toBeChecked();
    await expect(form.getByRole("textbox", { name: "Days until it is deleted" })).toHaveValue("7");

    // A bad number is refused on its field, and nothing is scheduled.
    await form.getByRole("textbox", { name: "Hours until it is disabled" }).fill("0");
    await form.getByRole("button", { name: "Schedule finish" }).click();
    await expect(form.getByText("Enter 1 to 2160 hours.")).toBeVisible();
    await expect(form.getByRole("alert")).toHaveText("Nothing was scheduled: check the number above.");
    await expect(form.getByRole("textbox", { name: "Hours until it is disabled" })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(lines(page)).toHaveCount(0);

    await form.getByRole("textbox", { name: "Hours until it is disabled" }).fill("24");
    await form.getByRole("button", { name: "Schedule finish" }).click();
    await expect(lines(page)).toContainText(DISABLE_IN_24H, { timeout: 30_000 });
    await expect(lines(page)).toContainText(DELETE_IN_7D);
    await expect(rotation(page)).toContainText("Set by admin@e2e.example");
    await expect(page.getByRole("region", { name: "Audit history" })).toContainText(
      "Rotation finish scheduled",
      {
        timeout: 30_000,
      },
    );
    await expectNoAxeViolations(page, "a key's page with a scheduled rotation finish");

    // The new key's page shows the same schedule, from its side, with no control.
    await page.goto(`/service-accounts/${saId}/keys/${newId}`);
    await expect(lines(page)).toContainText(/Old key disabled in (24 h|23 h 59 min)/);
    await expect(lines(page)).toContainText(/Old key deleted on /);
    await expect(rotation(page).getByRole("button", { name: /schedule/i })).toHaveCount(0);

    // Changed: delete only, in 3 days.
    await page.goto(`/service-accounts/${saId}/keys/${oldId}`);
    await rotation(page).getByRole("button", { name: "Change schedule" }).click();
    await form.getByRole("checkbox", { name: "Disable it in" }).uncheck();
    await form.getByRole("textbox", { name: "Days until it is deleted" }).fill("3");
    await form.getByRole("button", { name: "Save schedule" }).click();
    await expect(lines(page)).toContainText(/This key deleted on .* \(in (3 d|2 d 23 h)\)/, {
      timeout: 30_000,
    });
    await expect(lines(page)).not.toContainText("disabled");

    // Cancelled, after a confirmation: nothing is scheduled any more, the form is back.
    await rotation(page).getByRole("button", { name: "Cancel schedule" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel the scheduled finish?" });
    await expect(dialog).toContainText("keeps working until someone finishes the rotation");
    await dialog.getByRole("button", { name: "Cancel schedule" }).click();
    await expect(dialog).toBeHidden();
    await expect(lines(page)).toHaveCount(0, { timeout: 30_000 });
    await expect(form.getByRole("button", { name: "Schedule finish" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Audit history" })).toContainText(
      "Scheduled rotation finish cancelled",
    );
  });

  test("fits a phone's width", async ({ page }) => {
    const { saId, oldId } = await aRotation();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/service-accounts/${saId}/keys/${oldId}`);
    const form = rotation(page).getByRole("form", { name: "Schedule the finish of this rotation" });
    await form.getByRole("button", { name: "Schedule finish" }).click();
    await expect(lines(page)).toContainText(DISABLE_IN_24H, { timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("as a security reviewer", () => {
  test.use({ storageState: storageStatePath("reviewer") });

  test("sees what is scheduled, and no control", async ({ page }) => {
    const { saId, oldId } = await aRotation();
    const api = await playwrightRequest.newContext({
      baseURL: E2E.consoleUrl,
      storageState: storageStatePath("admin"),
      extraHTTPHeaders: { origin: E2E.consoleUrl },
    });
    const set = await api.put(`/api/service-accounts/${saId}/keys/${oldId}/rotate/schedule`, {
      data: { disableInHours: 24, deleteInDays: 7 },
    });
    expect(set.status(), await set.text()).toBe(200);
    await api.dispose();
    await page.goto(`/service-accounts/${saId}/keys/${oldId}`);
    await expect(lines(page)).toContainText(DISABLE_IN_24H);
    await expect(lines(page)).toContainText(DELETE_IN_7D);
    await expect(rotation(page).getByRole("button")).toHaveCount(0);
    await expect(rotation(page).getByRole("form")).toHaveCount(0);
    await expectNoAxeViolations(page, "a key's page with a scheduled finish, as a reviewer");
  });
});
