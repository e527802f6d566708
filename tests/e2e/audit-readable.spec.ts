// The audit log reads in words: a permissions edit as "+ …, − …" by name, the key as a link to its
// page (ids on hover), a failed sign-in named as failed, days picked or preset in the URL, a bad day
// named, and each row opening to its raw record. No axe violation.
import { request as playwrightRequest } from "@playwright/test";
import { expect, emulator, test } from "@/tests/support/emulator-fixture";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { E2E } from "@/tests/support/e2e-servers";
import { keyHref } from "@/lib/key-href";

type WireAccount = { service_account_user_id: string; "api-keys": { key_id: string; name: string }[] };

async function demoKey(keyName: string) {
  const { "service-accounts": accounts } = await emulator.admin<{ "service-accounts": WireAccount[] }>(
    "GET",
    "/v1/service-accounts",
  );
  const account = accounts.find((a) => a["api-keys"].some((k) => k.name === keyName))!;
  return {
    saId: account.service_account_user_id,
    keyId: account["api-keys"].find((k) => k.name === keyName)!.key_id,
  };
}

test("a permissions edit reads in words, the key links to its page, and the row opens to its raw record", async ({
  page,
}) => {
  const { saId, keyId } = await demoKey("ci-smoke-tests");
  const changed = await page.request.patch(`/api/service-accounts/${saId}/keys/${keyId}`, {
    headers: { origin: E2E.consoleUrl },
    data: {
      permissions: ["speech_to_text", "voices_read"],
      expected: { permissions: ["text_to_speech"] },
    },
  });
  expect(changed.status()).toBe(200);

  await page.goto(`/audit?action=key_updated&target=${keyId}`);
  const row = page.locator("tbody tr[data-audit-id]").first();
  await expect(row).toContainText("Key changed");
  await expect(row).toContainText("Permissions: + Speech to Text, Voices (read), − Text to Speech");
  await expect(row).not.toContainText('["');

  const link = row.getByRole("link", { name: "ci-smoke-tests" });
  await expect(link).toHaveAttribute("href", keyHref({ connectionId: null, group: saId, keyId }));
  await expect(link).toHaveAttribute("title", new RegExp(`Key id: ${keyId}`));
  await expect(link).toHaveAccessibleDescription(new RegExp(keyId));

  const open = row.getByRole("button", { name: /Raw record/ });
  await expect(open).toHaveAttribute("aria-expanded", "false");
  const id = await row.getAttribute("data-audit-id");
  const raw = page.getByLabel(`Raw record of event ${id}`);
  await expect(raw).toBeHidden();
  await open.click();
  await expect(open).toHaveAttribute("aria-expanded", "true");
  await expect(raw).toBeVisible();
  await expect(raw).toContainText('"action": "key_updated"');
  await expect(raw).toContainText(`"keyId": "${keyId}"`);
  await expect(raw).toContainText('"text_to_speech"');

  // The table keeps to its container: no sideways run-off at 1440 px.
  await page.setViewportSize({ width: 1440, height: 900 });
  const region = page.getByRole("region", { name: "Audit events" });
  const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  expect(fits).toBe(true);

  await expectNoAxeViolations(page, "the audit log with a row opened");
});

test("a failed sign-in reads as failed, with the reason in words", async ({ page }) => {
  const email = `nobody-${Date.now()}@e2e.example`;
  const stranger = await playwrightRequest.newContext({
    baseURL: E2E.consoleUrl,
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  const refused = await stranger.post("/api/auth/sign-in/email", {
    data: { email, password: "not-the-password" },
  });
  expect(refused.status()).toBe(401);
  await stranger.dispose();

  await page.goto(`/audit?action=sign_in&actor=${encodeURIComponent(email)}`);
  const row = page.locator("tbody tr[data-audit-id]").first();
  await expect(row.getByRole("rowheader")).toContainText("Sign-in failed");
  await expect(row.getByText("failed", { exact: true })).toBeVisible();
  await expect(row).toContainText("wrong email or password");
  await expect(row).not.toContainText("http_401");
  await expect(row).not.toContainText("Signed in");
});

test("days are picked or preset in the URL, and a bad day is named instead of a blank log", async ({
  page,
}) => {
  await page.goto("/audit");
  await expect(page.getByRole("button", { name: "All time" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/[?&]range=7d(&|$)/);
  // The browser says where its days begin.
  await expect(page).toHaveURL(/[?&]tz=[^&]+/);
  await expect(page.getByRole("button", { name: "Last 7 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("tbody tr[data-audit-id]").first()).toBeVisible();

  // A day long past, picked with the date input: nothing then.
  await page.getByLabel("From", { exact: true }).fill("2001-02-03");
  await page.getByLabel("To", { exact: true }).fill("2001-02-03");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2001-02-03/);
  await expect(page).not.toHaveURL(/range=/);
  await expect(page.getByText("No audit events match these filters.")).toBeVisible();
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2001-02-03");

  // Links made before the picker, with exact instants, still work.
  await page.goto("/audit?from=2000-01-01T00:00:00Z&to=2099-01-01T00:00:00Z");
  await expect(page.locator("tbody tr[data-audit-id]").first()).toBeVisible();

  await page.goto("/audit?from=someday&action=sign_in");
  const alert = page.getByRole("alert").filter({ hasText: "not shown until" });
  await expect(alert).toContainText('From: "someday" is not a date');
  await expect(page.locator("#filter-from-error")).toContainText("From:");
  await expectNoAxeViolations(page, "the audit log with a bad day");
  await alert.getByRole("link", { name: "Show the log without them" }).click();
  await expect(page).toHaveURL(/action=sign_in/);
  await expect(page).not.toHaveURL(/from=/);
  await expect(page.locator("tbody tr[data-audit-id]").first()).toBeVisible();
});
