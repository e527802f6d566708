// The "All keys" page with 200 service accounts x 50 keys (10,000 keys) in the emulator: time to
// the first rows, to a filter's result, the page's memory in Chromium, and the export's time.
// Real `next start`, real HTTP to the emulator. Prints; asserts nothing. Needs a build.
//   npx tsx --conditions=react-server tests/bench/inventory-page.ts
import { freePort } from "@/tests/support/free-port";
import { startHarness } from "@/tests/support/console-harness";
import { median } from "@/tests/support/next-server";

const RUNS = 5;
const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

/** In the page: when the first key row is in the DOM (the page's own clock, from navigation start). */
const FIRST_ROW = `new Promise((resolve) => {
  const check = () => document.querySelector("tbody tr[data-key-id]") ? resolve(performance.now()) : requestAnimationFrame(check);
  check();
})`;

/** In the page: from now until the "Showing N of" count differs from what it was. */
const COUNT_CHANGE = `new Promise((resolve) => {
  const read = () => document.querySelector("main p[aria-live] strong")?.textContent;
  const before = read();
  const started = performance.now();
  window.__changed = () => new Promise((done) => {
    const check = () => read() !== before ? done(performance.now() - started) : requestAnimationFrame(check);
    check();
  });
  resolve(before);
})`;

/** In the page: tick the risk-flag box with this label, and time until the new count is on screen. */
const tickAndTime = (label: string) => `new Promise((resolve) => {
  const read = () => document.querySelector("main p[aria-live] strong")?.textContent;
  const before = read();
  const box = [...document.querySelectorAll("fieldset label")].find((l) => l.textContent.trim() === ${JSON.stringify(label)}).querySelector("input");
  const started = performance.now();
  box.click();
  const check = () => read() !== before ? resolve(performance.now() - started) : requestAnimationFrame(check);
  check();
})`;

const harness = await startHarness({
  seed: { serviceAccounts: 200, keysPerAccount: 50 },
  port: await freePort(),
});
try {
  const context = await harness.signedIn();

  // The API alone: one upstream read of 10,000 keys, the outside-change check, the JSON answer
  // (`?fresh=1`: a read of its own each time, not the one the server shares for a few seconds).
  const api: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t = performance.now();
    const res = await context.request.get("/api/inventory?fresh=1");
    const body = await res.body();
    if (!res.ok()) throw new Error(`GET /api/inventory: HTTP ${res.status()}`);
    if (i === 0)
      console.log(
        `GET /api/inventory, first (takes the 10,000-key baseline)   ${ms(performance.now() - t)}   ${(body.length / 1024 / 1024).toFixed(1)} MiB`,
      );
    else api.push(performance.now() - t);
  }
  console.log(`GET /api/inventory, median of ${RUNS}                            ${ms(median(api))}`);

  const firstRows: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    await page.goto("/inventory", { waitUntil: "commit" });
    firstRows.push((await page.evaluate(FIRST_ROW)) as number);
    await page.close();
  }
  console.log(
    `/inventory: first rows on screen, median of ${RUNS} cold loads    ${ms(median(firstRows))}   (${firstRows.map((t) => t.toFixed(0)).join(", ")})`,
  );

  const page = await context.newPage();
  await page.goto("/inventory");
  await page.waitForSelector("tbody tr[data-key-id]");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const memory = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return {
      heap: get("JSHeapUsedSize") / 1024 / 1024,
      nodes: get("Nodes"),
      rows: await page.locator("tbody tr[data-key-id]").count(),
    };
  };
  const m = await memory();
  console.log(
    `memory with 10,000 keys loaded: JS heap ${m.heap.toFixed(1)} MiB, ${m.nodes} DOM nodes, ${m.rows} key rows in the DOM`,
  );

  const timeChange = async (act: () => Promise<void>) => {
    await page.evaluate(COUNT_CHANGE);
    await act();
    return (await page.evaluate("window.__changed()")) as number;
  };
  // Each tick and its untick, timed in the page from the click to the new count being drawn.
  const ticks: number[] = [];
  for (const label of ["No IP allowlist", "Unrestricted", "No monthly limit", "Near limit"]) {
    ticks.push((await page.evaluate(tickAndTime(label))) as number);
    ticks.push((await page.evaluate(tickAndTime(label))) as number);
  }
  console.log(
    `filter: tick or untick a risk flag -> new count drawn, median of 8 ${ms(median(ticks))}   (${ticks.map((t) => t.toFixed(0)).join(", ")})`,
  );
  const typed = await timeChange(() => page.getByRole("searchbox", { name: "Search keys" }).fill("payments"));
  console.log(`filter: type a search -> new count (includes the 200 ms pause) ${ms(typed)}`);
  const after = await memory();
  console.log(`memory after filtering: JS heap ${after.heap.toFixed(1)} MiB, ${after.nodes} DOM nodes`);

  for (const format of ["csv", "json"] as const) {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const res = await context.request.get(`/api/inventory/export?format=${format}`);
      size = (await res.body()).length;
      times.push(performance.now() - t);
    }
    console.log(
      `export ${format.toUpperCase().padEnd(4)} of all 10,000 keys, median of 3                ${ms(median(times))}   ${(size / 1024 / 1024).toFixed(1)} MiB`,
    );
  }
} finally {
  await harness.close();
}
process.exit(0);
