// The jobs page's and API's reads and its one action: each job's schedule and recent runs, one
// run with the audit rows it wrote, and a run asked for by an admin ("Run now").
import "server-only";
import { appendAudit, queryAudit } from "@/lib/audit";
import { jobRequestId } from "@/lib/audit/job-actor";
import type { AuditEntry } from "@/lib/audit/types";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import type { RequestInfo } from "@/lib/http/request-info";
import { keydeskJobs, runningJobs } from "./index";
import { recentRuns, schedules, type JobRunView, type JobScheduleView } from "./runs";

export interface JobsOverview {
  /** Whether this process runs the engine (it may run in another instance only). */
  engineRunning: boolean;
  schedules: JobScheduleView[];
  runs: JobRunView[];
}

/** How many audit rows of one run are shown; the audit log has the rest (filter by its request id). */
export const RUN_AUDIT_ROWS = 100;

/**
 * A job that runs every few seconds (alert deliveries: every 30 s) shows only its latest few runs,
 * so it never pushes the other jobs' runs off the list.
 */
const FREQUENT_SECONDS = 300;
const FREQUENT_RUNS = 5;

export async function jobsOverview(db: Db, limit = 50): Promise<JobsOverview> {
  const jobs = keydeskJobs();
  const frequent = jobs.filter((j) => j.everySeconds !== null && j.everySeconds < FREQUENT_SECONDS);
  const others = jobs.filter((j) => !frequent.includes(j)).map((j) => j.name);
  const lists = await Promise.all([
    recentRuns(db, others, limit),
    ...frequent.map((j) => recentRuns(db, [j.name], FREQUENT_RUNS)),
  ]);
  return {
    engineRunning: runningJobs() !== null,
    schedules: schedules(jobs),
    // Newest first (ISO times in UTC compare as text).
    runs: lists.flat().sort((a, b) => (a.queuedAt < b.queuedAt ? 1 : a.queuedAt > b.queuedAt ? -1 : 0)),
  };
}

export async function runAuditEntries(db: Db, runId: string): Promise<AuditEntry[]> {
  return (await queryAudit(db, { requestId: jobRequestId(runId), limit: RUN_AUDIT_ROWS })).entries;
}

export async function jobRun(db: Db, runId: string): Promise<{ run: JobRunView; audit: AuditEntry[] }> {
  const jobs = keydeskJobs().map((j) => j.name);
  const [run] = await recentRuns(db, jobs, 1, runId);
  if (!run) throw new ApiError("not_found", "There is no such job run.");
  return { run, audit: await runAuditEntries(db, runId) };
}

/** Queues a run of `name` now for `actor`, with an audit row saying who asked. */
export async function runJobNow(
  db: Db,
  name: string,
  ctx: { actor: Pick<SessionUser, "id" | "email" | "role">; info: RequestInfo },
): Promise<{ runId: string }> {
  if (!keydeskJobs().some((j) => j.name === name))
    throw new ApiError("not_found", `There is no job named “${name}”.`);
  const engine = runningJobs();
  if (!engine)
    throw new ApiError(
      "not_configured",
      "The job engine does not run in this server process (it starts with the production server).",
    );
  const runId = await (await engine).runNow(name, ctx.actor.email);
  await appendAudit(db, {
    action: "job_run_requested",
    actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
    requestId: ctx.info.requestId,
    details: { job: name, runId },
    outcome: "ok",
  });
  return { runId };
}
