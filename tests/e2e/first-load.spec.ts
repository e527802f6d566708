// The parts kept out of the first load (components/ui/lazy-island.tsx: the inventory's view, the
// overview's numbers) change nothing a person sees: with their code held back, the page shows what
// the server rendered (their "Reading every key…" state), nothing moves while it waits, and once
// the code has come the part shows the keys and works. The scripts the HTML names load at once;
// every other script is held back for a while.
import type { Page } from "@playwright/test";
import { emulator, expect, test } from "@/tests/support/emulator-fixture";

const HOLD_MS = 4000;

/**
 * Holds back every script the page's HTML does not name itself, for HOLD_MS or until `release`
 * settles; says how many it held.
 */
async function holdLazyScripts(page: Page, path: string, release?: Promise<unknown>): Promise<() => number> {
  const html = await (await page.request.get(path)).text();
  const initial = new Set([...html.matchAll(/<script[^>]*src="([^"]+\.js)"/g)].map((m) => m[1]!));
  let held = 0;
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    if (!initial.has(new URL(route.request().url()).pathname)) {
      held++;
      await (release ?? new Promise((r) => setTimeout(r, HOLD_MS)));
    }
    await route.continue();
  });
  return () => held;
}

/**
 * The page's layout shifts (none right after input) since `start()`: their sum, and what moved
 * (tag, id, classes and the element's old → new box), so a failure names the culprit. The tests
 * start watching once the server's "Reading…" is on screen: how the streamed page replaced the
 * route's loading skeleton before that is not what they are about.
 */
async function watchLayoutShift(page: Page) {
  await page.addInitScript(() => {
    type Rect = { x: number; y: number; width: number; height: number };
    type Source = { node?: Node | null; previousRect: Rect; currentRect: Rect };
    const w = window as unknown as { __shift: { since: number; total: number; moved: string[] } };
    w.__shift = { since: Infinity, total: 0, moved: [] };
    const box = (r: Rect) =>
      `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    const name = (node?: Node | null) =>
      node instanceof Element
        ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}.${[...node.classList].slice(0, 4).join(".")}`
        : String(node?.nodeName ?? "?");
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        startTime: number;
        sources?: Source[];
      }[]) {
        if (entry.hadRecentInput || entry.startTime < w.__shift.since) continue;
        w.__shift.total += entry.value;
        for (const s of entry.sources ?? [])
          w.__shift.moved.push(`${name(s.node)}: ${box(s.previousRect)} → ${box(s.currentRect)}`);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  type Shift = { since: number; total: number; moved: string[] };
  return {
    start: () =>
      page.evaluate(() => void ((window as unknown as { __shift: Shift }).__shift.since = performance.now())),
    sinceStart: () =>
      page.evaluate(() => {
        const { total, moved } = (window as unknown as { __shift: Shift }).__shift;
        return { total, moved };
      }),
  };
}

const reading = (page: Page) =>
  page.getByRole("status").filter({ hasText: "Reading every key from ElevenLabs" });

test.describe.configure({ timeout: 120_000 });

test("all keys: the server's HTML stays while the view's code comes, then the view works", async ({
  page,
}) => {
  const held = await holdLazyScripts(page, "/inventory");
  const shift = await watchLayoutShift(page);
  const read = page.waitForResponse((res) => new URL(res.url()).pathname === "/api/inventory");
  await page.goto("/inventory", { waitUntil: "domcontentloaded" });
  await expect(page.getByRole("heading", { level: 1, name: "All keys" })).toBeVisible();
  await expect(reading(page)).toBeVisible();
  await shift.start();
  // The keys are here (the page's preload read them), but not the view's code: the server's
  // "Reading…" stays, neither replaced by the table (the code was not in the first load) nor gone.
  await read;
  await page.waitForTimeout(HOLD_MS / 4);
  await expect(reading(page)).toBeVisible();
  await expect(page.getByRole("button", { name: "Permission matrix" })).toHaveCount(0);
  expect(held()).toBeGreaterThan(0);
  expect(await shift.sinceStart()).toEqual({ total: 0, moved: [] });

  const matrix = page.getByRole("button", { name: "Permission matrix" });
  await expect(matrix).toBeVisible({ timeout: 30_000 });
  await expect(reading(page)).toHaveCount(0);
  await expect(page.getByText(/^Showing \d+ of \d+ keys/)).toBeVisible();
  await matrix.click();
  await expect(matrix).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/view=matrix/);
});

test("overview: the server's HTML stays while the numbers' code comes, then they show", async ({ page }) => {
  const held = await holdLazyScripts(page, "/");
  const shift = await watchLayoutShift(page);
  const read = page.waitForResponse((res) => new URL(res.url()).pathname === "/api/inventory");
  await page.goto("/", { waitUntil: "domcontentloaded" });
  await expect(reading(page)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Latest audit events" })).toBeVisible();
  await shift.start();
  await read;
  await page.waitForTimeout(HOLD_MS / 4);
  await expect(reading(page)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Risk flags" })).toHaveCount(0);
  expect(held()).toBeGreaterThan(0);
  // Nothing moved while the code was held back (the numbers replacing "Reading…" later is the
  // page's own change, as before).
  expect(await shift.sinceStart()).toEqual({ total: 0, moved: [] });

  await expect(page.getByRole("heading", { name: "Risk flags" })).toBeVisible({ timeout: 30_000 });
  await expect(reading(page)).toHaveCount(0);
});

test("a service account: the keys and the switch work before the list's observer has come, which then refreshes it", async ({
  page,
}) => {
  // lib/query/lean-query.ts: the page shows the server's answer from the query cache and loads
  // react-query's observer after its first load; lib/query/lean-mutation.ts: the switch's change
  // needs nothing beyond the first load. While the observer is held back nothing reads the list
  // again; once it comes, the list is live (what changed meanwhile shows, with no reload).
  const { "service-accounts": accounts } = await emulator.admin<{
    "service-accounts": { service_account_user_id: string; name: string }[];
  }>("GET", "/v1/service-accounts");
  const saId = accounts.find((a) => a.name === "Production TTS backend")!.service_account_user_id;
  const path = `/service-accounts/${saId}`;
  let release: () => void = () => {};
  const held = await holdLazyScripts(page, path, new Promise<void>((resolve) => (release = resolve)));
  const reads: string[] = [];
  page.on("request", (req) => {
    if (new URL(req.url()).pathname === `/api/service-accounts/${saId}/keys`) reads.push(req.url());
  });
  await page.goto(path, { waitUntil: "domcontentloaded" });
  const legacyRow = page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "prod-tts-legacy", exact: true }) });
  const legacy = legacyRow.getByRole("switch", { name: "prod-tts-legacy enabled" });
  await expect(legacy).toHaveAttribute("aria-checked", "false");
  await expect.poll(held).toBeGreaterThan(0);

  // An admin enables a disabled key at once: it shows on, and the server has it on.
  const patched = page.waitForResponse(
    (res) =>
      res.request().method() === "PATCH" &&
      new URL(res.url()).pathname.startsWith(`/api/service-accounts/${saId}/keys/`),
  );
  await legacy.click();
  await expect(legacy).toHaveAttribute("aria-checked", "true");
  expect((await patched).status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "Enabled prod-tts-legacy." })).toBeVisible();
  // The change invalidated the list, but with no observer yet nothing read it again.
  expect(reads).toEqual([]);

  // Someone switches it off again in ElevenLabs' own settings; when the observer comes, it reads
  // the stale list and the switch follows.
  const keyId = await legacyRow.getAttribute("data-key-id");
  await emulator.admin("PATCH", `/v1/service-accounts/${saId}/api-keys/${keyId}`, { is_enabled: false });
  release();
  await expect(legacy).toHaveAttribute("aria-checked", "false", { timeout: 30_000 });
  expect(reads.length).toBeGreaterThan(0);
});

test("links move between pages in the browser, and a modified click is left to the browser", async ({
  page,
  context,
}) => {
  // components/ui/link.tsx replaced next/link: a plain click keeps the page (its window and its
  // query cache) and asks the server only for the next page; the header's link is one such.
  await page.goto("/service-accounts");
  await expect(page.getByRole("heading", { level: 1, name: "Service accounts" })).toBeVisible();
  await page.evaluate(() => void ((window as unknown as { __stayed: boolean }).__stayed = true));
  const header = page.getByRole("banner");
  await header.getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(true);

  // Back returns to the list in the same window.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Service accounts" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(true);

  // Ctrl-click opens a new tab, as on any link; this page does not move.
  const opened = context.waitForEvent("page");
  await header.getByRole("link", { name: "All keys" }).click({ modifiers: ["Control"] });
  const tab = await opened;
  await tab.waitForLoadState("domcontentloaded");
  expect(new URL(tab.url()).pathname).toBe("/inventory");
  await tab.close();
  await expect(page).toHaveURL(/\/service-accounts$/);
});
