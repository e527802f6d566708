// A new PGlite data folder, made before the server opens it: copied from a template (a folder already
// made and migrated when the build was made, see lib/ops/prepare-data-dir.ts), or made by initdb in a
// child process. Either way it is put together beside its place and renamed into it when complete,
// so an interrupted start never leaves a folder that looks made (PG_VERSION present) but is not.
import "server-only";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * The template's folder name beside the server (its working folder): the Dockerfile makes it in the
 * image, so a container's first start on an empty volume copies 40 MB (a fraction of a second)
 * instead of running initdb and every migration (about 7 s on two cores).
 */
export const DATA_TEMPLATE = "data-template";

/** A data folder PGlite would open as made. */
export function isPgliteDataDir(dir: string): boolean {
  return existsSync(join(dir, "PG_VERSION"));
}

/** Runs `make` on a folder beside `dataDir`, then moves the result into place (unless another process was first). */
export async function intoPlace<T>(dataDir: string, make: (making: string) => Promise<T>): Promise<T> {
  const making = `${dataDir}.making-${process.pid}-${Date.now()}`;
  mkdirSync(making, { recursive: true });
  try {
    const made = await make(making);
    if (isPgliteDataDir(dataDir)) return made; // another process made it meanwhile
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(making, dataDir);
    return made;
  } finally {
    rmSync(making, { recursive: true, force: true });
  }
}

/**
 * Makes `dataDir` from `template` when that is a made folder, otherwise by initdb (below). Says which,
 * for the tests and the start's log line.
 */
export async function makePgliteDataDir(
  dataDir: string,
  template: string | null,
): Promise<"template" | "initdb"> {
  if (template && isPgliteDataDir(template)) {
    await intoPlace(dataDir, async (making) => cpSync(template, making, { recursive: true }));
    return "template";
  }
  await createPgliteDataDir(dataDir);
  return "initdb";
}

/**
 * Makes a new PGlite data folder (initdb) in a short-lived child process and waits for it. Opening
 * an empty folder in-process runs initdb in a second PGlite instance with copies of its whole memory
 * (about 850 MiB at its peak); WebAssembly memory is never given back, so the server kept ~700 MiB
 * for the rest of its life. Done in a child, all of that ends with the child; this process then opens
 * an existing folder like on every later start. Returns the child's pid (the tests check where it ran).
 */
export function createPgliteDataDir(dataDir: string): Promise<{ pid: number }> {
  return intoPlace(dataDir, initdbInChild);
}

function initdbInChild(dataDir: string): Promise<{ pid: number }> {
  // Resolved here, from the server's own node_modules (the standalone build's, or the checkout's).
  const pglite = createRequire(join(process.cwd(), "package.json")).resolve("@electric-sql/pglite");
  const script =
    "const { PGlite } = require(process.argv[1]);" +
    "PGlite.create(process.argv[2]).then((db) => db.close()).catch((e) => { console.error(e); process.exit(1); });";
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script, pglite, dataDir], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve({ pid: child.pid! });
      else reject(new Error(`making the PGlite data folder failed (${signal ?? code}): ${stderr.trim()}`));
    });
  });
}
