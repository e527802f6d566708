// Alerts: an admin adds a signed webhook channel on the Alerts page (pointing at a local receiver this
// test runs), sends it a test that arrives with a signature the receiver verifies, sees the delivery
// in the log, and removes the channel; a bad URL is refused on its field; the signing secret is in no
// page, answer or server log line; and the page and its API are for admins only.
import { readFileSync } from "node:fs";
import { verifySignature } from "@/lib/alerts/signature";
import { expectNoAxeViolations } from "@/tests/support/axe";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { expect, test } from "@/tests/support/emulator-fixture";
import { E2E } from "@/tests/support/e2e-servers";
import { startHttpReceiver, type HttpReceiver } from "@/tests/support/smtp-http-receiver";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });
test.describe.configure({ timeout: 180_000 });

const SECRET = `e2e-alerts-signing-${Date.now()}-secret`;
let receiver: HttpReceiver;

test.beforeAll(async () => {
  receiver = await startHttpReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

test("an admin adds a signed webhook, tests it, reads the log and removes it", async ({ page }) => {
  const name = `Ops hook ${Date.now()}`;
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
  await expectNoAxeViolations(page, "the alerts page");

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("URL", { exact: true }).fill("ftp://example.com/hook");
  await page.getByLabel("Signing secret").fill(SECRET);
  await page.getByRole("button", { name: "Add channel" }).click();
  await expect(page.locator("#alert-url-error")).toContainText("https://");

  await page.getByLabel("URL", { exact: true }).fill(`${receiver.url}/hook`);
  await page.getByRole("button", { name: "Add channel" }).click();
  const row = page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row).toContainText(`…${SECRET.slice(-4)}`);

  await row.getByRole("button", { name: "Send a test" }).click();
  await expect(page.getByRole("status")).toContainText(`Test sent to ${name} (HTTP 200)`);
  const got = receiver.requests.at(-1)!;
  expect(
    verifySignature(
      SECRET,
      {
        signature: String(got.headers["x-keydesk-signature"]),
        timestamp: String(got.headers["x-keydesk-timestamp"]),
      },
      got.body,
    ),
  ).toBe(true);
  const log = page.getByRole("region", { name: "Delivery log" });
  await expect(log.locator("tr", { hasText: name }).first()).toContainText("Delivered");

  await row.getByRole("button", { name: "Remove" }).click();
  await row.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("status")).toContainText(`Removed ${name}`);
  await expect(row).toHaveCount(0);

  expect(await page.content()).not.toContain(SECRET);
  expect(readFileSync(E2E.consoleLog, "utf8")).not.toContain(SECRET);
});

test("support and reviewers see no Alerts link, are told the page is for admins, and get 403 from the API", async ({
  browser,
}) => {
  for (const role of ["support", "reviewer"] as const) {
    const context = await browser.newContext({
      storageState: storageStatePath(role),
      baseURL: E2E.consoleUrl,
    });
    const page = await context.newPage();
    await page.goto("/alerts");
    // (Next's route announcer is an empty role="alert" too: look for this one by its words.)
    await expect(
      page.getByRole("alert").filter({ hasText: "Only workspace admins can manage alerts." }),
    ).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }),
    ).toHaveCount(0);
    const res = await page.request.get("/api/alerts/channels");
    expect(res.status()).toBe(403);
    await context.close();
  }
});
