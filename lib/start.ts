// `npm start`: builds Keydesk when the sources changed since the last build, then serves it with
// `next start` on http://localhost:3000 (loopback only; arguments after `--` go to `next start`,
// e.g. `npm start -- -p 4000`). With no ELEVENLABS_API_KEY it runs in demo mode.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = process.cwd();
const NEXT = join(ROOT, "node_modules", ".bin", "next");
const BUILD_ID = join(ROOT, ".next", "BUILD_ID");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "package.json",
  "package-lock.json",
  "next.config.mjs",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stat.mtimeMs,
  );
}

function buildIsStale(): boolean {
  if (!existsSync(BUILD_ID)) return true;
  const built = statSync(BUILD_ID).mtimeMs;
  return SOURCES.some((source) => newestChange(join(ROOT, source)) > built);
}

if (buildIsStale()) {
  console.log("Keydesk: building (the sources changed since the last build)…");
  const build = spawnSync(NEXT, ["build"], { stdio: "inherit" });
  if (build.status !== 0) {
    console.error("Keydesk: the build failed; see above.");
    process.exit(build.status ?? 1);
  }
}

const args = process.argv.slice(2);
const hasHost = args.some((a) => a === "-H" || a === "--hostname" || a.startsWith("--hostname="));
// Loopback by default (demo mode shows its passwords on the sign-in page); `npm start -- -H 0.0.0.0`
// serves the network, e.g. behind a TLS proxy.
const server = spawn(NEXT, ["start", ...(hasHost ? [] : ["-H", "127.0.0.1"]), ...args], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
