// A throwaway PostgreSQL server for a test run: its own data folder and port on loopback, trust
// auth, stopped and deleted at the end. Used when PostgreSQL is installed but not running (as on
// CI). Runs as the `postgres` system user when the tests run as root (initdb refuses root).
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { freePort } from "./free-port";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

function findBinDir(): string | null {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, "bin", "initdb"))) return join(root, v, "bin");
  return null;
}

export function postgresInstalled(): boolean {
  return findBinDir() !== null;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed (no initdb/pg_ctl found)");
  const dir = mkdtempSync(join(tmpdir(), "keydesk-pg-"));
  const asRoot = process.getuid?.() === 0;
  let run = (cmd: string, args: string[]) => execFileSync(join(bin, cmd), args, { stdio: "pipe" });
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
    run = (cmd, args) =>
      execFileSync("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], { stdio: "pipe" });
  }
  const data = join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "keydesk", "--auth=trust", "-E", "UTF8", "--no-instructions"]);
  run("pg_ctl", [
    "-D",
    data,
    "-l",
    join(dir, "server.log"),
    "-w",
    "-t",
    "60",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "start",
  ]);
  return {
    url: `postgres://keydesk@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Creates a database on the server (for the browser tests' shared-database instances). */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// As a command: `tsx tests/support/throwaway-postgres.ts` starts one, prints its URL on the first
// line and the URL of a fresh `keydesk_e2e` database on the second, and stops it on SIGTERM/SIGINT
// (the test runner script uses this).
if (process.argv[1]?.endsWith("throwaway-postgres.ts")) {
  startThrowawayPostgres().then(
    async (pg) => {
      const e2e = await createDatabase(pg.url, "keydesk_e2e");
      console.log(`${pg.url}\n${e2e}`);
      const stop = () => {
        pg.stop();
        process.exit(0);
      };
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
      setInterval(() => undefined, 1 << 30);
    },
    (error: unknown) => {
      console.error(String(error));
      process.exit(1);
    },
  );
}
