// This process's job engine: made and started once (from instrumentation.ts, after the server's
// warm-up), on the process's own database, with Keydesk's jobs. Not started by vitest: a test that
// needs the engine makes its own with createJobEngine.
import "server-only";
import { getDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { createJobEngine, type JobEngine } from "./engine";
import { jobsStartLater } from "./start-later";
import type { JobDefinition } from "./types";
import { processConnectionDeps } from "./process-deps";
import { watchJob } from "./watch/watch-job";
import { auditAnchorJob } from "@/lib/audit/anchor-job";
import { rotationDeadlinesJob } from "@/lib/rotation-schedule/job";
import { processKeyDeps } from "@/lib/rotation-schedule/process-key-deps";
import { alertDeliveriesJob } from "@/lib/alerts/start";
import { bulkChangeJob } from "@/lib/bulk/job";
import { getUpstream } from "@/lib/elevenlabs/upstream";

export { createJobEngine, type JobEngine } from "./engine";
export type { JobDefinition, JobRun, JobSummary } from "./types";

const SLOT = Symbol.for("keydesk.jobs");
type Slot = { [SLOT]?: Promise<JobEngine> };

/** The jobs this process runs (their schedules from the environment). */
export function keydeskJobs() {
  return [
    watchJob(processConnectionDeps, env().KEYDESK_WATCH_INTERVAL_MINUTES),
    alertDeliveriesJob(),
    auditAnchorJob() satisfies JobDefinition,
    rotationDeadlinesJob({ keys: processKeyDeps, connections: processConnectionDeps }),
    bulkChangeJob(async () => ({ upstream: getUpstream, connections: await processConnectionDeps() })),
  ];
}

/** Starts this process's engine (once); later calls return the same one. */
export function startJobs(): Promise<JobEngine> {
  const slot = globalThis as Slot;
  slot[SLOT] ??= (async () => {
    const engine = createJobEngine(await getDatabase(), keydeskJobs());
    await engine.start();
    return engine;
  })();
  slot[SLOT].catch(() => delete slot[SLOT]);
  return slot[SLOT];
}

/**
 * The engine, if this process runs one (the jobs page asks, to offer "Run now"; a bulk change, to
 * queue its run). One that waits to start (start-later.ts) starts now: something needs it.
 */
export function runningJobs(): Promise<JobEngine> | null {
  const slot = globalThis as Slot;
  if (!slot[SLOT] && jobsStartLater()) return startJobs();
  return slot[SLOT] ?? null;
}
