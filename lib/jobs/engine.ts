// The job engine: pg-boss over Keydesk's own database (engine-db.ts), the same for PGlite and a
// PostgreSQL server. Each instance runs a worker per job and, for a scheduled job, a ticker that
// asks for "this period's run"; the run is a pg-boss singleton keyed by the job's name and the period
// (computed from the database's clock), so however many instances ask, the database holds one run per
// period (a unique index), and one worker takes it (`FOR UPDATE SKIP LOCKED`). A run whose process
// dies stays active until its time limit, then pg-boss fails it and it is tried again; the work
// itself is written so that doing a period twice has the effect of doing it once (see watch/).
import "server-only";
import PgBoss from "pg-boss";
import type { Database } from "@/lib/db";
import { actingAsJob } from "@/lib/audit/job-actor";
import { publishAlert } from "@/lib/alerts/events";
import { ApiError } from "@/lib/http/api-error";
import { logServerError } from "@/lib/log/server-error";
import { engineDb } from "./engine-db";
import { jobFailure } from "./failure";
import type { JobData, JobDefinition, JobSummary } from "./types";

/** pg-boss's tables live in this schema of Keydesk's database (read by runs.ts too). */
export const JOB_SCHEMA = "pgboss";
export const SCHEDULE = "the schedule";

export interface JobEngineOptions {
  /** How often an idle worker looks for work (seconds). A run asked by hand waits at most this long. */
  pollSeconds?: number;
  /**
   * How often pg-boss's upkeep runs (seconds; its default 120): it fails the runs that passed their
   * time limit (their process died) so they are tried again, and archives old ones. Tests shorten it.
   */
  maintenanceSeconds?: number;
}

export interface JobEngine {
  start(): Promise<void>;
  /** Stops asking for and taking work; a run under way may finish (up to `graceSeconds`). */
  stop(graceSeconds?: number): Promise<void>;
  /** Asks for this period's run of every scheduled job (each instance does so on its own ticker). */
  tick(): Promise<void>;
  /**
   * Queues a run of `name` now, outside the schedule, acting for `onBehalfOf`; its id. `data` is
   * handed to the run as it is (ids and counts only: it is stored in the job's row and shown to admins).
   */
  runNow(name: string, onBehalfOf: string, data?: JobData): Promise<string>;
  readonly jobs: readonly JobDefinition[];
}

interface RunData {
  onBehalfOf?: string;
  data?: JobData;
}

/** How often an instance asks for the current period's run: soon after a period begins. */
function tickMs(everySeconds: number): number {
  return Math.min(30_000, Math.max(250, (everySeconds * 1000) / 4));
}

/** pg-boss over Keydesk's database, in its own schema, making or updating that schema when it starts. */
function bossOn(
  database: Database,
  options: Pick<PgBoss.ConstructorOptions, "supervise" | "maintenanceIntervalSeconds">,
) {
  return new PgBoss({
    db: engineDb(database) as PgBoss.Db,
    schema: JOB_SCHEMA,
    // Runs are asked for by the engine's tickers, not by pg-boss's cron (whole minutes only).
    schedule: false,
    migrate: true,
    ...options,
  });
}

/**
 * Makes pg-boss's schema in `database` (or brings it up to date), and nothing else: no worker, no
 * upkeep, no run asked for. A data folder prepared ahead (lib/ops/prepare-data-dir.ts) has it, so a
 * first start's engine finds its tables made.
 */
export async function prepareJobSchema(database: Database): Promise<void> {
  const boss = bossOn(database, { supervise: false });
  await boss.start();
  await boss.stop({ graceful: false, close: false, wait: true });
}

export function createJobEngine(
  database: Database,
  jobs: readonly JobDefinition[],
  options: JobEngineOptions = {},
): JobEngine {
  const boss = bossOn(database, {
    supervise: true,
    ...(options.maintenanceSeconds ? { maintenanceIntervalSeconds: options.maintenanceSeconds } : {}),
  });
  // pg-boss's own errors (a poll that failed): logged as every server error is, never as they come.
  boss.on("error", (error) => logServerError("the job engine", error));
  const tickers: NodeJS.Timeout[] = [];
  // This instance's worker of each job, woken at once when a run is asked for here (runNow), rather
  // than at its next poll.
  const workers = new Map<string, string>();
  let started = false;

  async function runJob(job: JobDefinition, run: PgBoss.JobWithMetadata<RunData>): Promise<JobSummary> {
    const onBehalfOf = typeof run.data?.onBehalfOf === "string" ? run.data.onBehalfOf : SCHEDULE;
    try {
      return await actingAsJob({ runId: run.id, job: job.name, onBehalfOf }, () =>
        job.run({
          id: run.id,
          periodStart: new Date(run.singletonOn ?? run.createdOn),
          onBehalfOf,
          retryCount: run.retryCount,
          data: run.data?.data ?? {},
          db: database.db,
        }),
      );
    } catch (error) {
      logServerError(`the ${job.name} job`, error);
      const failure = jobFailure(error);
      if (run.retryCount >= run.retryLimit)
        await publishAlert({
          kind: "job_failing",
          severity: "warning",
          title: `The ${job.name} job failed`,
          body: `${failure.message} (after ${run.retryCount + 1} tries)`,
          at: new Date().toISOString(),
        });
      throw failure;
    }
  }

  async function askForPeriodRun(job: JobDefinition): Promise<void> {
    if (job.everySeconds === null) return;
    await boss.send(job.name, {} satisfies RunData, {
      singletonKey: job.name,
      singletonSeconds: job.everySeconds,
      retryLimit: job.retryLimit,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: job.expireInSeconds,
    });
  }

  async function tick(): Promise<void> {
    for (const job of jobs)
      await askForPeriodRun(job).catch((e) => logServerError("asking for a job run", e));
  }

  return {
    jobs,
    tick,
    async start() {
      if (started) return;
      started = true;
      await boss.start();
      for (const job of jobs) {
        // Made once; another instance may make it at the same moment, which is fine.
        if (!(await boss.getQueue(job.name))) await boss.createQueue(job.name).catch(() => undefined);
        const workerId = await boss.work<RunData>(
          job.name,
          { pollingIntervalSeconds: options.pollSeconds ?? 10, includeMetadata: true, batchSize: 1 },
          ([run]) => runJob(job, run!),
        );
        workers.set(job.name, workerId);
        if (job.everySeconds !== null) {
          await askForPeriodRun(job).catch((e) => logServerError("asking for a job run", e));
          const ticker = setInterval(
            () => void askForPeriodRun(job).catch(() => undefined),
            tickMs(job.everySeconds),
          );
          ticker.unref();
          tickers.push(ticker);
        }
      }
    },
    async stop(graceSeconds = 20) {
      if (!started) return;
      started = false;
      for (const ticker of tickers.splice(0)) clearInterval(ticker);
      workers.clear();
      await boss.stop({ graceful: true, wait: true, timeout: graceSeconds * 1000, close: false });
    },
    async runNow(name, onBehalfOf, data) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      if (job.needsData && !data)
        throw new ApiError(
          "conflict",
          `The ${name} job works only on what it is asked to; it cannot be run by hand.`,
        );
      const id = await boss.send(name, { onBehalfOf, ...(data ? { data } : {}) } satisfies RunData, {
        retryLimit: job.retryLimit,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: job.expireInSeconds,
      });
      // Woken now, not at its next poll; when another instance's worker is idle first, it may take it.
      const workerId = workers.get(name);
      if (started && workerId) boss.notifyWorker(workerId);
      return id!;
    },
  };
}
