// `npm run bench:watch [-- --rounds 5]`
// What one watch run costs at 10,000 keys: the primary ElevenLabs workspace seeded 200 service
// accounts x 50 keys (the emulator in its own process, over real HTTP), on PGlite in a temporary
// data folder. The run's work as the engine calls it (runWatch, inside the job's audit context):
//   - the first run (the snapshot's baseline of 10,000 keys, 10,000 usage samples);
//   - an unchanged re-run (a new period: 10,000 samples again, the observation's memo or quick look);
//   - an unchanged re-run with two key policies on (their evaluation over every key);
// each as wall time and this process's CPU (PGlite runs in it; the emulator does not), beside the
// floor: the same upstream list fetched and JSON-parsed directly. Medians over rounds. Prints
// numbers; asserts nothing.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { actingAsJob } from "@/lib/audit/job-actor";
import { ENVIRONMENT_CONNECTION_ID } from "@/lib/connection-ids";
import type { ConnectionDeps } from "@/lib/connections/list";
import { openDatabase } from "@/lib/db/database";
import { keyPolicy } from "@/lib/db/schema";
import { runWatch, WATCH_JOB } from "@/lib/jobs/watch/watch-job";
import { startBenchEmulator } from "@/tests/support/bench-emulator";
import { freePort } from "@/tests/support/free-port";
import { arg, median } from "@/tests/support/next-server";

const rounds = Number(arg("rounds", "5"));
const ADMIN = "adm_bench_watch_cost_0123456789abcdef";

interface Cost {
  wallMs: number;
  cpuMs: number;
}

async function measure(work: () => Promise<unknown>): Promise<Cost> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const medianCost = (costs: Cost[]): Cost => ({
  wallMs: median(costs.map((c) => c.wallMs)),
  cpuMs: median(costs.map((c) => c.cpuMs)),
});

const emulator = await startBenchEmulator({ port: await freePort(), adminKey: ADMIN, seed: "200x50" });
const dir = mkdtempSync(join(tmpdir(), "keydesk-watch-bench-"));
const database = await openDatabase({ kind: "pglite", dataDir: join(dir, "pglite") });
const deps: ConnectionDeps = {
  db: database.db,
  keys: () => {
    throw new Error("no stored connection in this bench");
  },
  fixed: async () => [
    {
      id: ENVIRONMENT_CONNECTION_ID,
      name: "ElevenLabs (ELEVENLABS_API_KEY)",
      provider: "elevenlabs",
      baseUrl: emulator.url,
      source: "environment",
      credentialHint: ADMIN.slice(-4),
      createdAt: null,
      credential: async () => ADMIN,
    },
  ],
  check: async () => ({ ok: true, summary: "" }),
};

/** One run for a period of its own (each later run writes its own samples, as the schedule's do). */
let period = Date.UTC(2026, 11, 7, 0, 0);
async function watchRun() {
  const run = { id: randomUUID(), periodStart: new Date((period += 5 * 60_000)) };
  return actingAsJob({ runId: run.id, job: WATCH_JOB, onBehalfOf: "the schedule" }, () =>
    runWatch(deps, run),
  );
}

/** GET on a connection of its own (a pooled one may have been closed by the server's keep-alive timeout meanwhile). */
function getFresh(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent: false }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`floor: HTTP ${res.statusCode}`));
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      res.on("error", reject);
    }).on("error", reject);
  });
}

const floor = () =>
  measure(async () => {
    JSON.parse(await getFresh(`${emulator.url}/v1/service-accounts`, { "xi-api-key": ADMIN }));
  });

const fmt = (c: Cost) =>
  `wall ${String(Math.round(c.wallMs)).padStart(6)} ms   cpu ${String(Math.round(c.cpuMs)).padStart(6)} ms`;

try {
  // Warm the emulator's JSON and the modules once; the floor is measured in the same rounds as each run.
  await floor();
  let summary: Record<string, unknown> = {};
  const first = await measure(async () => (summary = await watchRun()));
  const floorFirst = await floor();
  console.log(
    `watch run cost, ${String(summary.keys)} keys (200 x 50), PGlite, median of ${rounds} where repeated`,
  );
  console.log(`  floor: the upstream list fetched + parsed       ${fmt(floorFirst)}`);
  console.log(
    `  first run (baseline + samples)                  ${fmt(first)}   ratio ${(first.wallMs / floorFirst.wallMs).toFixed(1)}`,
  );

  const floors: Cost[] = [];
  const unchanged: Cost[] = [];
  for (let r = 0; r < rounds; r++) {
    floors.push(await floor());
    unchanged.push(await measure(async () => (summary = await watchRun())));
  }
  if (summary.outsideChanges !== 0)
    throw new Error(`an unchanged re-run recorded ${String(summary.outsideChanges)} changes`);
  const f = medianCost(floors);
  const u = medianCost(unchanged);
  console.log(`  floor (median)                                  ${fmt(f)}`);
  console.log(
    `  unchanged re-run                                ${fmt(u)}   ratio ${(u.wallMs / f.wallMs).toFixed(1)}`,
  );

  await database.db.insert(keyPolicy).values([
    { kind: "no_unrestricted", mode: "report", limit: null },
    { kind: "max_monthly_limit", mode: "report", limit: 1_000_000 },
  ]);
  await watchRun(); // the first evaluation records the breaches (and tells at most 21)
  const withRules: Cost[] = [];
  for (let r = 0; r < rounds; r++) withRules.push(await measure(watchRun));
  const p = medianCost(withRules);
  console.log(
    `  unchanged re-run, two policies on               ${fmt(p)}   ratio ${(p.wallMs / f.wallMs).toFixed(1)}`,
  );
} finally {
  await database.close();
  emulator.stop();
  rmSync(dir, { recursive: true, force: true });
}
