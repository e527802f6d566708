// A change whose run seems gone (its lease ran out: the process died, `kill -9`) is asked for again
// when someone reads the list, so it goes on within a lease's time rather than after pg-boss's time
// limit for the dead run. A second run beside a live one does nothing (claim.ts), so asking too
// often is harmless. A change asked for but never taken within QUEUED_SECONDS is asked for again too.
import "server-only";
import type { Db } from "@/lib/db";
import type { JobEngine } from "@/lib/jobs/engine";
import { logServerError } from "@/lib/log/server-error";
import { takeStale } from "./claim";
import { BULK_CHANGE_JOB, BULK_LEASE_SECONDS } from "./job";

const QUEUED_SECONDS = 120;

export async function resumeStale(db: Db, engine: JobEngine | null): Promise<number> {
  // Without an engine here (a dev server), nothing could run it: left for an instance that has one.
  if (!engine) return 0;
  try {
    const stale = await takeStale(db, QUEUED_SECONDS, BULK_LEASE_SECONDS);
    for (const id of stale) await engine.runNow(BULK_CHANGE_JOB, "Keydesk (resuming)", { bulkChangeId: id });
    return stale.length;
  } catch (error) {
    logServerError("resuming bulk changes", error);
    return 0;
  }
}
