// What a page's first-load JavaScript is made of: the biggest modules of the scripts a page loads
// before it works (not those fetched later by a dynamic import), from Next's own bundle analysis.
// The companion of first-load-js.ts, which measures the totals; this says where they come from.
//   npx tsx tests/bench/first-load-modules.ts [--top N] [/route ...]
// It runs `next experimental-analyze --output` (a production compile of its own, about a minute
// here; it writes only under .next/diagnostics and leaves the build alone), then reads each
// route's graph. Sizes are each module's own gzip size, so they add up to a little more than the
// gzip of the files they are in. Prints; asserts nothing.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const args = process.argv.slice(2);
const topIndex = args.indexOf("--top");
const TOP = topIndex >= 0 ? Number(args[topIndex + 1]) : 15;
const named = args.filter((a, i) => a.startsWith("/") && !(topIndex >= 0 && i === topIndex + 1));
const ROUTES = named.length
  ? named
  : [
      "/sign-in",
      "/",
      "/service-accounts",
      "/service-accounts/[saId]",
      "/inventory",
      "/find",
      "/audit",
      "/users",
      "/account",
      "/invite/[token]",
      "/account/confirm-sso",
      "/account/confirm-sso/done",
    ];

const NEXT = resolve("node_modules", ".bin", "next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** One line of the analyzer's JSON Lines export, the kinds read here. */
type Row =
  | { type: "part"; filename: string; source_path: string; compressed_size: number }
  | { type: "group"; kind: string; outputs: string[] }
  | { type: string };

const analyze = spawnSync(NEXT, ["experimental-analyze", "--output", "--experimental-app-only"], {
  env,
  stdio: ["ignore", "ignore", "inherit"],
});
if (analyze.status !== 0) throw new Error("next experimental-analyze failed");

const kib = (bytes: number) => (bytes / 1024).toFixed(1).padStart(5);
for (const route of ROUTES) {
  const exported = spawnSync(NEXT, ["experimental-analyze", "export", "--route", route], {
    env,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  if (exported.status !== 0) {
    console.log(`${route}: not in the analysis`);
    continue;
  }
  const rows = exported.stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
  // A file some dynamic import loads is not in the first load.
  const later = new Set(
    rows.flatMap((r) => (r.type === "group" && "kind" in r && r.kind === "async" ? r.outputs : [])),
  );
  const modules = new Map<string, number>();
  for (const row of rows) {
    if (row.type !== "part" || !("filename" in row)) continue;
    if (!row.filename.startsWith("[client-fs]") || !row.filename.endsWith(".js") || later.has(row.filename))
      continue;
    const name = row.source_path.replace("[project]/", "");
    // Old browsers' polyfills: modern ones skip them (`noModule`), and first-load-js.ts leaves them out too.
    if (name.endsWith("polyfill-nomodule.js")) continue;
    modules.set(name, (modules.get(name) ?? 0) + row.compressed_size);
  }
  const all = [...modules].sort((a, b) => b[1] - a[1]);
  // Next's and React's own code is in every page, the bare one too: the rest is what the page adds.
  const own = all.filter(([name]) => !/^(node_modules\/next\/|\[turbopack\]|\[client-fs\])/.test(name));
  const total = (list: [string, number][]) => list.reduce((sum, [, size]) => sum + size, 0);
  console.log(
    `\n${route}: ${kib(total(all))} KiB in ${all.length} modules, of which ${kib(total(own))} KiB beyond Next and React`,
  );
  for (const [name, size] of own.slice(0, TOP)) console.log(`  ${kib(size)} KiB  ${name}`);
}
