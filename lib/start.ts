// `npm start`: builds Keydesk when the sources changed since the last build, then serves the
// standalone build (`.next/standalone/server.js`, the same server the Dockerfile runs) on
// http://localhost:3000, loopback only. After `--` it takes `-p`/`--port`, `-H`/`--hostname` and
// `--keepAliveTimeout`, e.g. `npm start -- -p 4000`. With no ELEVENLABS_API_KEY it runs in demo mode.
//
// Why not `next start`: with `output: "standalone"` Next.js warns that it "does not work" (it still
// serves, but a new user should not read that). The standalone server differs in three ways this
// script makes up for: it needs the build's static files copied next to it, it changes its working
// folder to its own (so a relative KEYDESK_DATA_DIR is resolved here, against the project), and it
// reads no `.env` files from the project (so they are loaded here, by Next.js's own loader, as
// `next start` would).
import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import nextEnv from "@next/env";
// lib/env.ts reads and checks the environment here too (after the .env files are loaded below), so a
// bad value stops `npm start` before the build, with the variable named.
import { childProcessEnv, env } from "./env";
import { pgliteDataDir } from "./db";
import { isPgliteDataDir } from "./db/data-folder";
import { SERVER_NODE_FLAGS } from "./server-node-flags";

const ROOT = process.cwd();
const NEXT = join(ROOT, "node_modules", ".bin", "next");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const BUILD_ID = join(ROOT, ".next", "BUILD_ID");
const STANDALONE = join(ROOT, ".next", "standalone");
const SERVER = join(STANDALONE, "server.js");
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
  if (!existsSync(BUILD_ID) || !existsSync(SERVER)) return true;
  const built = statSync(BUILD_ID).mtimeMs;
  return SOURCES.some((source) => newestChange(join(ROOT, source)) > built);
}

/** lib/ops/prepare-data-dir-cli.ts in a child process; a failure is reported and left to the server. */
async function prepareDataDir(dir: string): Promise<void> {
  const child = spawn(TSX, ["--conditions=react-server", "lib/ops/prepare-data-dir-cli.ts", dir], {
    stdio: ["ignore", "ignore", "pipe"],
    env: childProcessEnv({}),
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const status = await new Promise<number | null>((done) => {
    child.on("error", () => done(null));
    child.on("exit", done);
  });
  if (status !== 0)
    console.error(`Keydesk: could not make the data folder ahead (the server will): ${stderr.trim()}`);
}

/** The options `npm start` takes, and the standalone server's variable for each. */
const OPTIONS: Record<string, string> = {
  "-p": "PORT",
  "--port": "PORT",
  "-H": "HOSTNAME",
  "--hostname": "HOSTNAME",
  "--keepAliveTimeout": "KEEP_ALIVE_TIMEOUT",
};

/** The environment, checked; a bad value stops here with the variable named, not with a stack. */
function checkedEnv() {
  try {
    return env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}

function serverOptions(args: string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s);
    const name = OPTIONS[flag!];
    const value = inline ?? args[++i];
    if (!name || value === undefined || value === "") {
      console.error(
        `Keydesk: npm start takes -p/--port, -H/--hostname and --keepAliveTimeout (each with a value); not "${args.join(" ")}".`,
      );
      process.exit(2);
    }
    options[name] = value;
  }
  return options;
}

const options = serverOptions(process.argv.slice(2));
nextEnv.loadEnvConfig(ROOT, false);
const settings = checkedEnv();

// A new PGlite data folder (initdb, the migrations and the job engine's tables: several seconds) is
// made here, in a child process, while the build runs: the server then opens a ready folder and has
// nothing to make before its first sign-in. (The server makes a missing one itself; this only moves
// the wait out of its start.)
const dataDir = pgliteDataDir({ ...settings, KEYDESK_DATA_DIR: resolve(ROOT, settings.KEYDESK_DATA_DIR) });
const preparing = dataDir && !isPgliteDataDir(dataDir) ? prepareDataDir(dataDir) : null;

if (buildIsStale()) {
  console.log("Keydesk: building (the sources changed since the last build)…");
  // KEYDESK_START_BUILD: this build's settings in next.config.mjs (no type check, no build cache).
  const build = spawn(NEXT, ["build"], {
    stdio: "inherit",
    env: childProcessEnv({ KEYDESK_START_BUILD: "1" }),
  });
  const status = await new Promise<number | null>((done) => build.on("exit", done));
  if (status !== 0) {
    console.error("Keydesk: the build failed; see above.");
    process.exit(status ?? 1);
  }
}
await preparing;

// Each build starts .next/standalone afresh; files already there are this build's (their names carry
// a hash or the build id), so they are not copied again (another server may be reading them).
cpSync(join(ROOT, ".next", "static"), join(STANDALONE, ".next", "static"), { recursive: true, force: false });
if (existsSync(join(ROOT, "public")))
  cpSync(join(ROOT, "public"), join(STANDALONE, "public"), { recursive: true, force: false });

// With the flags the Dockerfile gives it too (lib/server-node-flags.ts: less memory for a little CPU).
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER], {
  stdio: "inherit",
  env: childProcessEnv({
    PORT: options.PORT ?? settings.PORT,
    // Loopback unless asked (demo mode shows its passwords on the sign-in page); `npm start -- -H 0.0.0.0`
    // serves the network, e.g. behind a TLS proxy. An inherited HOSTNAME (shells and containers set it
    // to the machine's name) is not taken as the address to listen on.
    HOSTNAME: options.HOSTNAME ?? "127.0.0.1",
    ...(options.KEEP_ALIVE_TIMEOUT ? { KEEP_ALIVE_TIMEOUT: options.KEEP_ALIVE_TIMEOUT } : {}),
    // lib/env.ts's default, resolved against the project rather than the server's own folder.
    KEYDESK_DATA_DIR: resolve(ROOT, settings.KEYDESK_DATA_DIR),
  }),
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
