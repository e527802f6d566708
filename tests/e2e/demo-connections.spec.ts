// Demo mode's four connections in the browser: the Connections page lists them as demo emulators;
// a user limited to another connection is told plainly on the primary workspace's pages, and its
// API refuses them with a 403; the audit log names the connection of what it recorded.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E } from "@/tests/support/e2e-servers";
import { signIn } from "@/tests/support/sign-in";

const ADMIN = "admin@demo.keydesk";
const SUPPORT = "support@demo.keydesk";
const PASSWORD = "keydesk-demo";
const FOUR = [
  "Demo workspace (emulator)",
  "Demo EU workspace (emulator)",
  "Demo DocSpace portal (emulator)",
  "Demo Voiceable account (emulator)",
];

async function limitSupport(page: Page, connectionIds: string[]): Promise<void> {
  const { users } = (await (await page.request.get("/api/users")).json()) as {
    users: { id: string; email: string }[];
  };
  const support = users.find((u) => u.email === SUPPORT)!;
  const res = await page.request.put(`/api/users/${support.id}/connections`, {
    data: { connectionIds },
    headers: { origin: E2E.demoUrl },
  });
  expect(res.status()).toBe(200);
}

async function asSupport(browser: Browser) {
  const context = await browser.newContext({ baseURL: E2E.demoUrl });
  const page = await context.newPage();
  await signIn(page, SUPPORT, PASSWORD);
  return { context, page };
}

test("the Connections page lists demo mode's four emulators", async ({ page }) => {
  await signIn(page, ADMIN, PASSWORD);
  await page.goto("/connections");
  for (const name of FOUR) {
    const row = page.locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });
    await expect(row).toContainText("Demo emulator");
  }
  const html = await (await page.request.get("/connections")).text();
  expect(html).not.toContain("demo_admin_");
});

test("support limited to the DocSpace portal is told so on the workspace's pages, and its API refuses", async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN, PASSWORD);
  await limitSupport(page, ["demo-docspace"]);
  const support = await asSupport(browser);
  try {
    // The pages of every connection leave the workspace out instead (demo-limited-connections.spec.ts).
    await support.page.goto("/service-accounts");
    await expect(support.page.getByText("Your access does not include this workspace.")).toBeVisible();
    await support.page.goto("/");
    await expect(support.page.getByRole("heading", { name: "Latest audit events" })).toBeVisible();
    const refused = await support.page.request.get("/api/service-accounts");
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toBe("Your access does not include this workspace.");
  } finally {
    await limitSupport(page, []);
    await support.context.close();
  }
  // Able to fail: with every connection again, the same page shows the workspace.
  const again = await asSupport(browser);
  await again.page.goto("/service-accounts");
  await expect(again.page.getByRole("heading", { level: 1, name: "Service accounts" })).toBeVisible();
  await expect(again.page.getByText("Your access does not include this workspace.")).toHaveCount(0);
  await again.context.close();
});

test("the audit log names the connection of what it recorded, and filters by it", async ({ page }) => {
  await signIn(page, ADMIN, PASSWORD);
  // Reading the workspace once starts the outside-change check, which records its baseline.
  await page.goto("/service-accounts");
  await expect(page.getByRole("heading", { level: 1, name: "Service accounts" })).toBeVisible();
  await page.goto("/audit");
  await page.getByLabel("Connection").selectOption({ label: "Demo workspace (emulator)" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/connection=demo-elevenlabs/);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText("Demo workspace (emulator)");
  // Reading the other connections (as All keys and the overview do) records the Voiceable account's
  // first look as its own row (lib/observed/connections); filtering by it shows only its rows.
  expect((await page.request.get("/api/inventory/connections")).status()).toBe(200);
  await page.goto("/audit?connection=demo-voiceable");
  await expect(rows.filter({ hasText: "First look at the workspace" })).toHaveCount(1);
  for (const row of await rows.all()) {
    await expect(row).toContainText("Demo Voiceable account (emulator)");
    await expect(row).not.toContainText("Demo workspace (emulator)");
  }
});
