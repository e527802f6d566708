// Keydesk as `npm start` runs it: the standalone build (`node .next/standalone/server.js`) of a built
// checkout (this one, or another given by path, e.g. the base commit in a folder of its own), in demo
// mode (its in-process emulator) with an embedded PGlite data folder, on loopback. The start-up and
// memory benchmarks use it; `rss()` is the resident memory of the server and any process it started.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SERVER_NODE_FLAGS } from "@/lib/server-node-flags";

export interface StandaloneServer {
  url: string;
  pid: number;
  /** Milliseconds from spawning the server to its first 200 from /sign-in. */
  signInPageMs: number;
  stop(): Promise<void>;
}

/** A fresh data folder (removed by the caller with `rmSync`), for one or more starts. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), "keydesk-bench-"));
}

/**
 * Starts `dir`'s standalone server with `nodeFlags`: by default the ones `npm start` and the Dockerfile
 * give it (lib/server-node-flags.ts); a benchmark's `--before` checkout may need its own.
 */
export async function startStandalone(
  dir: string,
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
  nodeFlags: readonly string[] = SERVER_NODE_FLAGS,
): Promise<StandaloneServer> {
  const root = resolve(dir);
  const standalone = join(root, ".next", "standalone");
  if (!existsSync(join(standalone, "server.js"))) throw new Error(`no standalone build in ${root}`);
  // What lib/start.ts does before it serves: the build's static files beside the server.
  cpSync(join(root, ".next", "static"), join(standalone, ".next", "static"), {
    recursive: true,
    force: false,
  });
  // Demo mode: no ELEVENLABS_API_KEY, whatever this shell has.
  const inherited = { ...process.env };
  delete inherited.ELEVENLABS_API_KEY;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, join(standalone, "server.js")], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: {
      ...inherited,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      KEYDESK_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (
    !(await fetch(`${url}/sign-in`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the server in ${root} did not come up`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    pid: child.pid!,
    signInPageMs: performance.now() - started,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
}

function status(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return "";
  }
}

function kib(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status(pid));
  return match ? Number(match[1]) : 0;
}

/** A process and all its descendants (Linux /proc). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = /^PPid:\s+(\d+)/m.exec(status(Number(entry)));
    if (ppid) children.set(Number(ppid[1]), [...(children.get(Number(ppid[1])) ?? []), Number(entry)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** Resident memory (MiB) of a process and its descendants now. */
export function rssMiB(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + kib(p, "VmRSS"), 0) / 1024;
}

/** The largest resident memory (MiB) one process has had since it started. */
export function peakRssMiB(pid: number): number {
  return kib(pid, "VmHWM") / 1024;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
