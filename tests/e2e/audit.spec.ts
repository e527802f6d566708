// The audit page: every role reads it; sign-ins and exports are on it; filters live in the URL;
// exports carry the filtered rows; verification says the chain is intact.
import { expect, test } from "@/tests/support/emulator-fixture";
import { CONSOLE_ACCOUNTS, storageStatePath } from "@/tests/support/e2e-accounts";

test.use({ storageState: storageStatePath("reviewer") });

test("a reviewer sees sign-ins, filters by actor and action in the URL, and verifies the chain", async ({
  page,
}) => {
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("Actor").fill(CONSOLE_ACCOUNTS.reviewer.email);
  await page.getByLabel("Action").fill("sign_in");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/actor=reviewer%40e2e\.example/);
  await expect(page).toHaveURL(/action=sign_in/);
  const rows = page.getByRole("table").locator("tbody tr[data-audit-id]");
  await expect(rows.first()).toContainText(CONSOLE_ACCOUNTS.reviewer.email);
  for (const row of await rows.all()) await expect(row).toContainText("sign_in");

  await page.getByRole("button", { name: "Verify the log's integrity" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Intact" })).toContainText(
    /all \d+ rows check out/,
  );
});

test("a bad filter is named and nothing is queried", async ({ page }) => {
  // "yesterday" is a day the filter takes now; a word it does not know is named with its field.
  await page.goto("/audit?from=someday");
  await expect(page.locator("#filter-from-error")).toContainText('From: "someday" is not a date');
  // The date picker cannot hold the word; the message quotes it instead.
  await expect(page.getByLabel("From")).toHaveValue("");
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("the CSV export holds the filtered rows and is itself audited", async ({ page }) => {
  await page.goto(`/audit?action=sign_in&actor=${encodeURIComponent(CONSOLE_ACCOUNTS.admin.email)}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^keydesk-audit-.*\.csv$/);
  const csv = await (
    await file.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  expect(header).toContain("action");
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).toContain("sign_in");
    expect(line).toContain(CONSOLE_ACCOUNTS.admin.email);
  }
  await page.goto("/audit?action=audit_exported");
  await expect(page.getByRole("table").locator("tbody tr[data-audit-id]").first()).toContainText(
    CONSOLE_ACCOUNTS.reviewer.email,
  );
});
