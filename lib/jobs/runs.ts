// What the jobs page shows: recent runs (pg-boss's job table and its archive), what is queued, and
// each job's schedule. Read with plain SQL through Keydesk's own database handle, so the page works
// in any process (the engine need not run in the one answering); before the engine has ever started
// there are no job tables, and nothing has run.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { JOB_SCHEMA } from "./engine";
import type { JobDefinition } from "./types";

export type RunState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

export interface JobRunView {
  id: string;
  name: string;
  state: RunState;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The schedule period it is for; null for a run asked for by hand. */
  periodStart: string | null;
  onBehalfOf: string;
  retryCount: number;
  retryLimit: number;
  /** What a finished run reported (counts), or null. */
  summary: Record<string, unknown> | null;
  /** A failed try's message (jobFailure: never an error as it came), or null. */
  error: string | null;
}

export interface JobScheduleView {
  name: string;
  everySeconds: number | null;
  /** When the next period begins (a run is asked for then); null: not scheduled. */
  nextPeriodAt: string | null;
  /** Runs only on work it is given (a bulk change): never scheduled, no "Run now". */
  needsData: boolean;
}

const iso = (value: unknown): string | null =>
  value == null ? null : new Date(value as string).toISOString();

type Row = Record<string, unknown>;

function rowsOf(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}

async function hasJobTables(db: Db): Promise<boolean> {
  const [row] = rowsOf(
    await db.execute(sql`select to_regclass(${`${JOB_SCHEMA}.archive`}) is not null as present`),
  );
  return row?.present === true;
}

function view(row: Row): JobRunView {
  const data = (row.data ?? {}) as { onBehalfOf?: unknown };
  const output = (row.output ?? null) as Record<string, unknown> | null;
  const state = row.state as RunState;
  const failed = state === "failed" || state === "retry";
  return {
    id: String(row.id),
    name: String(row.name),
    state,
    queuedAt: iso(row.created_on)!,
    startedAt: iso(row.started_on),
    finishedAt:
      state === "completed" || state === "failed" || state === "cancelled" ? iso(row.completed_on) : null,
    periodStart: iso(row.singleton_on),
    onBehalfOf: typeof data.onBehalfOf === "string" ? data.onBehalfOf : "the schedule",
    retryCount: Number(row.retry_count),
    retryLimit: Number(row.retry_limit),
    summary: !failed && output ? output : null,
    error: failed && output && typeof output.message === "string" ? output.message : null,
  };
}

/** The latest runs of `names`, newest first (queued ones included), up to `limit`. */
export async function recentRuns(
  db: Db,
  names: readonly string[],
  limit = 50,
  /** Only this run (its id). */
  runId?: string,
): Promise<JobRunView[]> {
  if (names.length === 0 || !(await hasJobTables(db))) return [];
  const columns = sql.raw(
    "id, name, state, created_on, started_on, completed_on, singleton_on, retry_count, retry_limit, data, output",
  );
  const job = sql.raw(`${JOB_SCHEMA}.job`);
  const archive = sql.raw(`${JOB_SCHEMA}.archive`);
  const named = sql.join(
    names.map((n) => sql`${n}`),
    sql`, `,
  );
  const wanted =
    runId === undefined ? sql`name in (${named})` : sql`name in (${named}) and id = ${runId}::uuid`;
  const result = await db.execute(sql`
    select * from (
      select ${columns} from ${job} where ${wanted}
      union all
      select ${columns} from ${archive} where ${wanted}
    ) runs
    order by created_on desc
    limit ${limit}`);
  return rowsOf(result).map(view);
}

export function schedules(jobs: readonly JobDefinition[], now = Date.now()): JobScheduleView[] {
  return jobs.map((job) => ({
    name: job.name,
    everySeconds: job.everySeconds,
    nextPeriodAt:
      job.everySeconds === null
        ? null
        : new Date(Math.floor(now / 1000 / job.everySeconds + 1) * job.everySeconds * 1000).toISOString(),
    needsData: job.needsData === true,
  }));
}
