// What a person's browser pays for each page, and how soon a 50-key account's table answers.
// Real `next start` against the emulator (4 service accounts x 50 keys), Debian's Chromium, cold
// cache for each page. Prints; asserts nothing. Needs a build (`npx next build`).
//   npx tsx --conditions=react-server tests/bench/console-pages.ts
import { freePort } from "@/tests/support/free-port";
import { gzipSync } from "node:zlib";
import { startHarness } from "@/tests/support/console-harness";
import { median } from "@/tests/support/next-server";

const PAGES = [
  "/sign-in",
  "/",
  "/service-accounts",
  "/service-accounts/:first",
  "/users",
  "/audit",
  "/inventory",
  "/find",
];
const RUNS = 7;

/** In the page: when 50 rows are on screen, and when the first row's button is hydrated. */
const WATCH_TABLE = `new Promise((resolve) => {
  let rowsAt = 0;
  const check = () => {
    const table = document.querySelector("table");
    const count = table ? table.querySelectorAll("tbody tr").length : 0;
    if (count >= 50 && !rowsAt) rowsAt = performance.now();
    const edit = table && table.querySelector("tbody tr button");
    if (rowsAt && edit && Object.keys(edit).some((k) => k.startsWith("__reactProps"))) return resolve({ rows: rowsAt, interactive: performance.now() });
    requestAnimationFrame(check);
  };
  check();
})`;

const harness = await startHarness({
  seed: { serviceAccounts: 4, keysPerAccount: 50 },
  port: await freePort(),
});
try {
  const accounts = (await (
    await fetch(`${harness.emulator.url}/v1/service-accounts`, {
      headers: { "xi-api-key": "adm_bench_workspace_admin_key" },
    })
  ).json()) as {
    "service-accounts": { service_account_user_id: string; name: string }[];
  };
  const first = accounts["service-accounts"][0]!.service_account_user_id;

  console.log("First-load JavaScript per page (the scripts its HTML loads; gzip level 6)");
  for (const template of PAGES) {
    const path = template.replace(":first", first);
    const context =
      path === "/sign-in"
        ? await harness.browser.newContext({ baseURL: harness.base })
        : await harness.signedIn();
    const res = await context.request.get(path, { maxRedirects: 0 });
    if (res.status() !== 200) {
      console.log(`  ${template.padEnd(26)} HTTP ${res.status()} (skipped)`);
      await context.close();
      continue;
    }
    // The scripts the HTML itself loads: what the page needs before it works. Chunks Next
    // prefetches for links, dialogs' code loaded later, and the polyfills modern browsers skip
    // (`noModule`) are not counted.
    const tags = [...(await res.text()).matchAll(/<script[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => !/nomodule/i.test(tag));
    const srcs = [
      ...new Set(
        tags.map((tag) => /src="([^"]+\.js)"/.exec(tag)?.[1]).filter((src): src is string => Boolean(src)),
      ),
    ];
    let raw = 0;
    let gz = 0;
    for (const src of srcs) {
      const body = await (await context.request.get(src)).body();
      raw += body.length;
      gz += gzipSync(body, { level: 6 }).length;
    }
    console.log(
      `  ${template.padEnd(26)} ${(gz / 1024).toFixed(1).padStart(6)} KiB gzip   ${(raw / 1024).toFixed(1).padStart(7)} KiB raw   ${srcs.length} files`,
    );
    await context.close();
  }

  // Interactive: the table's first Edit button has React's props attached (hydrated), so a click
  // does something. Times are the page's own clock from navigation start.
  const rows: number[] = [];
  const interactive: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await harness.signedIn();
    const page = await context.newPage();
    await page.goto(`/service-accounts/${first}`, { waitUntil: "commit" });
    // A string, not a function: tsx would wrap a function in helpers the page does not have.
    const times = (await page.evaluate(WATCH_TABLE)) as { rows: number; interactive: number };
    rows.push(times.rows);
    interactive.push(times.interactive);
    await context.close();
  }
  console.log(`\nA service account with 50 keys, ${RUNS} cold loads (median; best..worst):`);
  console.log(
    `  50 rows on screen     ${median(rows).toFixed(0).padStart(5)} ms   (${Math.min(...rows).toFixed(0)}..${Math.max(...rows).toFixed(0)})`,
  );
  console.log(
    `  table interactive     ${median(interactive).toFixed(0).padStart(5)} ms   (${Math.min(...interactive).toFixed(0)}..${Math.max(...interactive).toFixed(0)})`,
  );
} finally {
  await harness.close();
}
process.exit(0);
