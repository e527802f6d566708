// A user whose access leaves the primary workspace out (support limited to the DocSpace portal) in
// demo mode: All keys, its permission matrix, the overview and Find a key work on the connections
// they may use, with the workspace simply not there (no sentence instead of the page, no read of
// it); the workspace's own pages still refuse them. Able to fail: the same user with every
// connection again sees the workspace's keys too.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E } from "@/tests/support/e2e-servers";
import { signIn } from "@/tests/support/sign-in";

const ADMIN = "admin@demo.keydesk";
const SUPPORT = "support@demo.keydesk";
const PASSWORD = "keydesk-demo";
const PORTAL = "Demo DocSpace portal (emulator)";
const WORKSPACE = "Demo workspace (emulator)";

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

const keyRows = (page: Page) => page.getByRole("region", { name: /^Keys/ }).locator("tbody tr[data-key-id]");

test("support limited to the DocSpace portal gets All keys, the overview and Find a key for the portal", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  // A fresh demo instance migrates its database on first use: waited for here, not in the sign-in.
  await expect
    .poll(async () => (await page.request.get("/api/ready")).status(), { timeout: 180_000 })
    .toBe(200);
  await signIn(page, ADMIN, PASSWORD);
  // The portal's keys, as an admin's API sees them: what the limited user must be shown.
  const portal = (await (await page.request.get("/api/connections/demo-docspace/keys")).json()) as {
    keys: { id: string; name: string }[];
  };
  expect(portal.keys.length).toBeGreaterThan(3);
  const someKey = portal.keys[2]!;

  await limitSupport(page, ["demo-docspace"]);
  const support = await asSupport(browser);
  const p = support.page;
  try {
    // The browser never asks for the workspace's keys on these pages.
    const workspaceReads: string[] = [];
    p.on("request", (r) => {
      if (new URL(r.url()).pathname === "/api/inventory") workspaceReads.push(r.url());
    });

    await p.goto("/inventory");
    await expect(p.getByRole("heading", { level: 1, name: "All keys" })).toBeVisible();
    await expect(keyRows(p)).toHaveCount(portal.keys.length);
    await expect(keyRows(p).filter({ hasText: someKey.name })).toHaveCount(1);
    await expect(p.getByText("Your access does not include this workspace.")).toHaveCount(0);
    await expect(p.getByText(`Showing ${portal.keys.length} of ${portal.keys.length} keys`)).toBeVisible();
    // The connection filter (not the column chooser's "Connection" box) offers only the portal.
    await expect(
      p.getByRole("search", { name: "Filter keys" }).getByLabel("Connection", { exact: true }),
    ).not.toContainText(WORKSPACE);

    await p.getByRole("button", { name: "Permission matrix" }).click();
    await expect(p.getByText(someKey.name).first()).toBeVisible();

    await p.goto("/");
    await expect(p.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(p.getByRole("link", { name: new RegExp(`^Keys\\s*${portal.keys.length}$`) })).toBeVisible();
    // The totals have no service accounts (the workspace's); the menu still links its page.
    const totals = p.getByRole("region", { name: "Totals" });
    await expect(totals.getByRole("link", { name: /^Keys/ })).toBeVisible();
    await expect(totals.getByRole("link", { name: /^Service accounts/ })).toHaveCount(0);
    await expect(p.locator("[data-connection-id=demo-docspace]")).toContainText(PORTAL);
    await expect(p.locator("[data-connection-id=demo-elevenlabs]")).toHaveCount(0);
    await expect(p.getByText("Your access does not include this workspace.")).toHaveCount(0);

    await p.goto("/find");
    const search = p.getByRole("search", { name: "Find a key" });
    await expect(search.getByRole("button", { name: "Search", exact: true })).toBeEnabled();
    await search.getByLabel("Secret, last four characters, name or key id").fill(someKey.name);
    await search.getByRole("button", { name: "Search", exact: true }).click();
    const found = p.locator("section[data-connection-id=demo-docspace]");
    await expect(found).toContainText(someKey.name);
    await expect(p.getByText("Your access does not include this workspace.")).toHaveCount(0);

    expect(workspaceReads).toEqual([]);
    // The workspace's own pages and API still refuse them.
    await p.goto("/service-accounts");
    await expect(p.getByText("Your access does not include this workspace.")).toBeVisible();
    expect((await p.request.get("/api/inventory")).status()).toBe(403);
  } finally {
    await limitSupport(page, []);
    await support.context.close();
  }

  // Able to fail: with every connection again, All keys has more than the portal's keys.
  const again = await asSupport(browser);
  await again.page.goto("/inventory");
  await expect(keyRows(again.page).first()).toBeVisible();
  await expect.poll(() => keyRows(again.page).count()).toBeGreaterThan(portal.keys.length);
  await again.context.close();
});
