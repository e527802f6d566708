// What a job is, to the engine: a name, how often it runs on its own, how often a failed run is
// tried again, and the work. The work is given the run's facts and nothing else; it reaches the
// database and the upstreams the way request handlers do.
import type { Db } from "@/lib/db";

export interface JobRun {
  /** The engine's id of this run; a retry keeps it. */
  id: string;
  /** The start of the schedule period this run is for (or when it was asked for, for a run asked by hand). */
  periodStart: Date;
  /** Whom the job acts for: "the schedule", or the person who asked for the run. */
  onBehalfOf: string;
  /** 0 for the first try of a run. */
  retryCount: number;
  /** What the run was asked to work on (`runNow`'s data); `{}` for a scheduled run. */
  data: JobData;
  db: Db;
}

/** Ids and plain values a run is asked to work on (stored in the job's row: never a secret). */
export type JobData = Record<string, string | number | boolean | null>;

/** A summary of what a run did, kept with the run (counts and ids only: it is shown on the jobs page). */
export type JobSummary = Record<string, string | number | boolean | null>;

export interface JobDefinition {
  /** The queue's name: letters, digits, `-` and `_`. */
  name: string;
  /** Seconds between scheduled runs; null: only when asked for. */
  everySeconds: number | null;
  /** How many times a failed run is tried again. */
  retryLimit: number;
  /** How long a run may take; a run still going then (or whose process died) is failed and retried. */
  expireInSeconds: number;
  /** Works only on what it is asked to (`runNow`'s data): never offered as "Run now", refused without data. */
  needsData?: boolean;
  run(run: JobRun): Promise<JobSummary>;
}
