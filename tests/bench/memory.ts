// `npx tsx tests/bench/memory.ts [--before <checkout>] [--before-flags "<node flags>"] [--sessions 50] [--seconds 60] [--rounds 2]`
// Keydesk's server memory in the default setup (`npm start`: the standalone server with its Node.js
// flags, lib/server-node-flags.ts; demo mode with its in-process emulator; PGlite in a new data
// folder): resident memory (RSS, the server and any process it started) when idle after start, the
// most the server process held while starting, and the peak while `--sessions` signed-in sessions
// read (one loop each over the service accounts, the inventory and the audit log) for `--seconds`,
// then idle again after one write.
// Idle is also split by where it lives (Linux /proc/<pid>/smaps): PGlite's WebAssembly memory, the
// malloc arenas of V8's and Node's threads, and the rest (V8's heap, code, mapped files). Floor, in the
// same run under the same load: a bare Next.js app (tests/support/bare-next.ts, Node's defaults) whose
// route reads an emulator. --before: another built checkout (e.g. the base commit) measured alongside,
// started with --before-flags (none by default: the base commit's start path gave none). Rounds are
// interleaved; medians printed. Needs `npx next build`. Prints numbers; asserts nothing.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { Agent, request } from "node:http";
import { startBareNext } from "@/tests/support/bare-next";
import { startBenchEmulator } from "@/tests/support/bench-emulator";
import { DEMO_EMAILS, signIn } from "@/tests/support/bench-sign-in";
import { freePort } from "@/tests/support/free-port";
import { arg, median } from "@/tests/support/next-server";
import {
  freshDataDir,
  peakRssMiB,
  removeDir,
  rssMiB,
  startStandalone,
} from "@/tests/support/standalone-server";

const sessions = Number(arg("sessions", "50"));
const seconds = Number(arg("seconds", "60"));
const rounds = Number(arg("rounds", "2"));
const before = arg("before", "");
const beforeFlags = arg("before-flags", "").split(" ").filter(Boolean);
const IDLE_SECONDS = 10;
const ADMIN_KEY = "adm_bench_memory_0123456789abcdef";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `cookies.length` readers, each looping over `paths` for `seconds`, while RSS is sampled: the peak. */
async function readLoad(url: string, cookies: string[], paths: string[], pid: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: cookies.length });
  const target = new URL(url);
  const end = Date.now() + seconds * 1000;
  let peak = rssMiB(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 200);
  const get = (path: string, cookie: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        { host: target.hostname, port: target.port, path, agent, headers: { cookie } },
        (res) => {
          if (res.statusCode !== 200) reject(new Error(`${path}: HTTP ${res.statusCode}`));
          res.resume();
          res.on("end", resolve);
        },
      );
      req.on("error", reject);
      req.end();
    });
  try {
    await Promise.all(
      cookies.map(async (cookie, i) => {
        for (let n = i; Date.now() < end; n++) await get(paths[n % paths.length]!, cookie);
      }),
    );
  } finally {
    clearInterval(sampler);
    agent.destroy();
  }
  return Math.max(peak, rssMiB(pid));
}

/** Where a process's resident memory lives (MiB), from /proc/<pid>/smaps. */
function residentParts(pid: number): { wasm: number; arenas: number } {
  const parts = { wasm: 0, arenas: 0 };
  // One block per mapping: its address range and flags, then its sizes in kB.
  for (const block of readFileSync(`/proc/${pid}/smaps`, "utf8").split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/)) {
    const [range, perms, , , , path] = block.split("\n")[0]!.split(/\s+/);
    if (perms !== "rw-p" || path) continue;
    const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(block)?.[1] ?? 0);
    const start = BigInt(`0x${range!.split("-")[0]}`);
    // A WebAssembly memory is one anonymous mapping of at least its initial size (PGlite: 128 MiB);
    // a thread's malloc arena, one of at most 64 MiB aligned to 64 MiB.
    if (kB("Size") >= 128 * 1024) parts.wasm += kB("Rss") / 1024;
    else if (kB("Size") <= 64 * 1024 && start % BigInt(64 * 2 ** 20) === 0n) parts.arenas += kB("Rss") / 1024;
  }
  return parts;
}

async function measureKeydesk(dir: string, nodeFlags?: readonly string[]) {
  const dataDir = freshDataDir();
  try {
    const server = await startStandalone(dir, await freePort(), dataDir, {}, nodeFlags);
    try {
      await sleep(IDLE_SECONDS * 1000);
      const idle = rssMiB(server.pid);
      const { wasm, arenas } = residentParts(server.pid);
      const startPeak = peakRssMiB(server.pid);
      const cookies: string[] = [];
      for (let i = 0; i < sessions; i++)
        cookies.push((await signIn(server.url, DEMO_EMAILS[i % 3]!, `127.0.0.${2 + i}`)).cookie);
      const loadPeak = await readLoad(
        server.url,
        cookies,
        ["/api/service-accounts", "/api/inventory", "/api/audit"],
        server.pid,
      );
      // Idle again after one write: what a server that has changed a key settles at.
      const created = await fetch(new URL("/api/service-accounts", server.url), {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, cookie: cookies[0]! },
        body: JSON.stringify({ name: "memory bench" }),
      });
      if (created.status !== 201 && created.status !== 200)
        throw new Error(`POST /api/service-accounts: HTTP ${created.status}`);
      await sleep(IDLE_SECONDS * 1000);
      const afterWrite = rssMiB(server.pid);
      return { idle, wasm, arenas, startPeak, loadPeak, afterWrite };
    } finally {
      await server.stop();
    }
  } finally {
    removeDir(dataDir);
  }
}

const emulator = await startBenchEmulator({ port: await freePort(), adminKey: ADMIN_KEY, seed: "demo" });
const bare = await startBareNext(await freePort(), { url: emulator.url, adminKey: ADMIN_KEY });
// The bare app's `next start` runs its server in a child; bare-next does not hand out its pid, so
// it is found by its port.
const barePid = await pidListeningOn(Number(new URL(bare.url).port));
const targets: Record<string, string> = { keydesk: "." };
if (before) targets["before"] = before;
const results: Record<string, number[]> = {};
const note = (label: string, value: number) => (results[label] ??= []).push(value);
try {
  await sleep(IDLE_SECONDS * 1000);
  note("bare idle", rssMiB(barePid));
  for (let round = 0; round < rounds; round++) {
    for (const [name, dir] of Object.entries(targets)) {
      const r = await measureKeydesk(dir, name === "before" ? beforeFlags : undefined);
      note(`${name} idle`, r.idle);
      note(`${name} idle wasm`, r.wasm);
      note(`${name} idle arenas`, r.arenas);
      note(`${name} start peak`, r.startPeak);
      note(`${name} load peak`, r.loadPeak);
      note(`${name} after write`, r.afterWrite);
    }
    const bareCookies = Array.from({ length: sessions }, () => "");
    note("bare load peak", await readLoad(bare.url, bareCookies, ["/api/service-accounts"], barePid));
  }
} finally {
  await bare.stop();
  emulator.stop();
}

console.log(
  `server RSS (MiB), ${rounds} interleaved round(s), ${sessions} sessions reading for ${seconds} s; medians`,
);
const m = (label: string) => median(results[label]!);
for (const name of Object.keys(targets)) {
  console.log(
    `${name === "keydesk" ? "Keydesk (this checkout)" : `Keydesk (${before})`}: idle ${m(`${name} idle`).toFixed(0)} (bare ${m("bare idle").toFixed(0)}: ${(m(`${name} idle`) / m("bare idle")).toFixed(1)}x), ` +
      `peak under load ${m(`${name} load peak`).toFixed(0)} (bare ${m("bare load peak").toFixed(0)}: ${(m(`${name} load peak`) / m("bare load peak")).toFixed(1)}x), ` +
      `largest while starting on a new data folder ${m(`${name} start peak`).toFixed(0)}, ` +
      `idle after the first write ${m(`${name} after write`).toFixed(0)}`,
  );
  console.log(
    `  idle, of which PGlite's WebAssembly memory ${m(`${name} idle wasm`).toFixed(0)}, ` +
      `threads' malloc arenas ${m(`${name} idle arenas`).toFixed(0)}, the rest (V8 heap, code, files) ` +
      `${(m(`${name} idle`) - m(`${name} idle wasm`) - m(`${name} idle arenas`)).toFixed(0)}`,
  );
}

async function pidListeningOn(port: number): Promise<number> {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inode = readFileSync("/proc/net/tcp", "utf8")
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .find((f) => f[1]?.endsWith(`:${hex}`) && f[3] === "0A")?.[9];
  if (!inode) throw new Error(`nothing listens on port ${port}`);
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`))
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return Number(pid);
    } catch {
      // not ours to read, or gone
    }
  }
  throw new Error(`no process of ours listens on port ${port}`);
}
