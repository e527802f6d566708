// Every console page at a laptop's 1440 × 900 and a phone's 390 × 844: no page wider than the
// screen, the navigation reachable (on a phone behind the Menu button, which opens, shows every
// link, and closes on Escape with focus back on it), and at 1440 the All keys table inside its
// container. Then the command palette: Ctrl+K, a key's name, Enter, and the key's page address.
import type { APIRequestContext, Page } from "@playwright/test";
import type { InventoryResponse } from "@/lib/inventory/queries";
import { storageStatePath } from "@/tests/support/e2e-accounts";
import { E2E } from "@/tests/support/e2e-servers";
import { expect, test } from "@/tests/support/emulator-fixture";

test.use({ extraHTTPHeaders: { origin: E2E.consoleUrl } });
test.describe.configure({ timeout: 180_000 });

const SCREENS = [
  { name: "laptop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

const NAV_LINKS = [
  "Overview",
  "Service accounts",
  "All keys",
  "Find a key",
  "Audit log",
  "Policies",
  "Connections",
  "Users",
  "Jobs",
  "Alerts",
];

/** A DocSpace connection of this file's own, for the "a connection's keys" page; removed at the end. */
let docspace: { id: string; name: string } | null = null;
const added: string[] = [];

test.beforeAll(async ({ playwright }) => {
  const api = await playwright.request.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  const res = await api.post("/api/connections", {
    data: {
      name: `Responsive DocSpace ${Date.now()}`,
      provider: "docspace",
      baseUrl: E2E.docspaceUrl,
      credential: E2E.docspaceAdminKey,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  docspace = ((await res.json()) as { connection: { id: string; name: string } }).connection;
  added.push(docspace.id);
  await api.dispose();
});

test.afterAll(async ({ playwright }) => {
  const api = await playwright.request.newContext({
    baseURL: E2E.consoleUrl,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { origin: E2E.consoleUrl },
  });
  for (const id of added.splice(0)) await api.delete(`/api/connections/${id}`);
  await api.dispose();
});

async function inventory(request: APIRequestContext): Promise<InventoryResponse> {
  const res = await request.get("/api/inventory");
  expect(res.status()).toBe(200);
  return (await res.json()) as InventoryResponse;
}

/** The console's pages, each with something that shows once its content (read in the browser or not) is there. */
async function consolePages(request: APIRequestContext) {
  const { serviceAccounts } = await inventory(request);
  const account = serviceAccounts.find((a) => a.keyCount > 0)!;
  return [
    { path: "/", ready: (p: Page) => p.getByRole("heading", { level: 1 }).first() },
    { path: "/service-accounts", ready: (p: Page) => p.getByRole("region", { name: account.name }) },
    {
      path: `/service-accounts/${account.id}`,
      ready: (p: Page) => p.getByRole("heading", { level: 1, name: account.name }),
    },
    {
      path: "/inventory",
      ready: (p: Page) => p.getByRole("region", { name: "Keys (scrolls)" }).getByRole("link").first(),
    },
    { path: "/find", ready: (p: Page) => p.getByRole("button", { name: "Search", exact: true }) },
    { path: "/audit", ready: (p: Page) => p.getByRole("heading", { level: 1 }) },
    { path: "/policies", ready: (p: Page) => p.getByRole("button", { name: "Save rules" }) },
    { path: "/connections", ready: (p: Page) => p.getByRole("link", { name: docspace!.name, exact: true }) },
    {
      path: `/connections/${docspace!.id}`,
      ready: (p: Page) => p.getByRole("table", { name: `API keys of ${docspace!.name}` }),
    },
    { path: "/users", ready: (p: Page) => p.getByRole("heading", { level: 1 }) },
    { path: "/account", ready: (p: Page) => p.getByRole("heading", { level: 1, name: "Your account" }) },
  ];
}

/** The page is no wider than the screen: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, viewport, widest } = await page.evaluate(() => {
    // The deepest elements reaching past the window's right edge, to name the culprit when it fails.
    const past = [...document.body.querySelectorAll("*")].filter(
      (el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest("[hidden]"),
    );
    const deepest = past.filter((el) => !past.some((other) => other !== el && el.contains(other)));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      widest: deepest
        .slice(0, 3)
        .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}">`)
        .join(", "),
    };
  });
  expect(
    scrollWidth,
    `${what} is ${scrollWidth} px wide in a ${viewport} px window (${widest})`,
  ).toBeLessThanOrEqual(viewport);
}

async function expectNavigationReachable(page: Page, phone: boolean) {
  const nav = page.getByRole("navigation", { name: "Main" });
  if (phone) {
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    for (const label of NAV_LINKS)
      await expect(nav.getByRole("link", { name: label, exact: true })).toBeInViewport();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Overview", exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(nav).toBeHidden();
  } else {
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    for (const label of NAV_LINKS)
      await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }
}

for (const screen of SCREENS) {
  test.describe(`at ${screen.width} × ${screen.height}`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });

    test("every console page fits the screen and its navigation is reachable", async ({ page, request }) => {
      for (const { path, ready } of await consolePages(request)) {
        await page.goto(path);
        await expect(ready(page), path).toBeVisible();
        await expectNoSidewaysScroll(page, path);
        await expectNavigationReachable(page, screen.name === "phone");
      }
    });

    test("the sign-in page fits the screen", async ({ browser }) => {
      const context = await browser.newContext({
        storageState: { cookies: [], origins: [] },
        viewport: { width: screen.width, height: screen.height },
      });
      const page = await context.newPage();
      await page.goto(`${E2E.consoleUrl}/sign-in`);
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
      await expectNoSidewaysScroll(page, "/sign-in");
      await context.close();
    });
  });
}

test.describe("All keys at 1440 × 900", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the table sits inside its container, its name column stays, and a row opens its key", async ({
    page,
  }) => {
    await page.goto("/inventory");
    const table = page.getByRole("table");
    await expect(table.getByRole("link", { name: "prod-tts-primary" })).toBeVisible();
    const scroller = page.getByRole("region", { name: "Keys (scrolls)" });
    const { tableWidth, containerWidth } = await scroller.evaluate((el) => ({
      tableWidth: el.querySelector("table")!.getBoundingClientRect().width,
      containerWidth: el.clientWidth,
    }));
    expect(tableWidth).toBeLessThanOrEqual(containerWidth);
    for (const heading of ["Name", "Connection", "Status", "Permissions", "Usage", "Risk flags"])
      await expect(table.getByRole("columnheader", { name: new RegExp(`^${heading}`) })).toBeInViewport();

    // The column chooser: a column added shows, is remembered across a reload, and can go again.
    await page.getByText("Columns", { exact: true }).click();
    await page.getByRole("checkbox", { name: "Created", exact: true }).check();
    await expect(table.getByRole("columnheader", { name: /^Created/ })).toBeVisible();
    await page.reload();
    await expect(table.getByRole("columnheader", { name: /^Created/ })).toBeVisible();
    await page.getByText("Columns", { exact: true }).click();
    await page.getByRole("button", { name: "Back to the default columns" }).click();
    await expect(table.getByRole("columnheader", { name: /^Created/ })).toHaveCount(0);

    // A click on the row (not its checkbox) opens the key's page; the checkbox only selects.
    const row = table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "prod-tts-primary" }) });
    await row.getByRole("checkbox").check();
    await expect(page).toHaveURL(/\/inventory/);
    await row.getByRole("cell").nth(3).click();
    await expect(page).toHaveURL(/\/service-accounts\/[^/]+\/keys\/[^/?]+$/);
  });
});

test.describe("All keys on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("shows one card per key with its name linking to the key", async ({ page, request }) => {
    const { keys } = await inventory(request);
    const key = keys.find((k) => k.name === "prod-tts-primary")!;
    await page.goto("/inventory?q=prod-tts-primary"); // the cards are virtual: only those in view are there
    const card = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "prod-tts-primary" }) });
    await expect(card).toBeVisible();
    await expect(card).toContainText(key.enabled ? "Enabled" : "Disabled");
    // Each value under its column's name, as the table's headings say it.
    await expect(card.getByRole("term")).toHaveText([
      "Connection",
      "Service account / owner",
      "Hint",
      "Permissions",
      "Risk flags",
    ]);
    await expect(card.getByRole("definition").nth(1)).toHaveText(key.serviceAccountName);
    await expect(page.getByRole("table")).toHaveCount(0);
    await card.getByRole("link", { name: "prod-tts-primary" }).click();
    await expect(page).toHaveURL(`/service-accounts/${key.serviceAccountId}/keys/${key.id}`);
  });
});

test.describe("the command palette", () => {
  test("Ctrl+K opens it, a key's name lists the key, Enter goes to its page", async ({ page, request }) => {
    const { keys } = await inventory(request);
    const key = keys.find((k) => k.name === "prod-tts-primary")!;
    await page.goto("/audit");
    await expect(page.getByRole("button", { name: "Search pages and keys" })).toHaveAttribute(
      "aria-keyshortcuts",
      "Control+K Meta+K /",
    );
    const palette = page.getByRole("dialog", { name: "Search pages and keys" });
    // The header's listener exists once the page's script has run: press until the palette opens.
    await expect(async () => {
      if (!(await palette.isVisible())) await page.keyboard.press("Control+k");
      await expect(palette).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    const box = palette.getByRole("combobox");
    await expect(box).toBeFocused();
    await box.fill("prod-tts-primary");
    await expect(palette.getByRole("option", { name: /prod-tts-primary/ }).first()).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/service-accounts/${key.serviceAccountId}/keys/${key.id}`);
    await expect(palette).toBeHidden();
  });

  test("'/' opens it, pages are listed for the role, and Escape closes it", async ({ page }) => {
    await page.goto("/connections");
    const palette = page.getByRole("dialog", { name: "Search pages and keys" });
    await expect(async () => {
      if (!(await palette.isVisible())) await page.keyboard.press("/");
      await expect(palette).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    for (const label of NAV_LINKS)
      await expect(palette.getByRole("option", { name: label, exact: true })).toBeVisible();
    await page.keyboard.type("find a");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/find$/);
    await page.keyboard.press("Control+k");
    await expect(palette).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(palette).toBeHidden();
  });
});
