// The `bulk-change` job: only ever asked for (by POST /api/bulk-changes, with the change's id), never
// scheduled, and never offered as "Run now" (it needs data). Tried again after a failure or a dead
// process; every try picks up where the change stands (run.ts).
import "server-only";
import type { JobDefinition } from "@/lib/jobs/types";
import type { BulkActDeps } from "./act";
import { runBulkChange } from "./run";

export const BULK_CHANGE_JOB = "bulk-change";

export interface BulkJobOptions {
  /** A run still going after this long (or whose process died) is failed and tried again by pg-boss. */
  expireInSeconds?: number;
  leaseSeconds?: number;
}

/** 500 keys, each a read and a write with the upstream's own retries, fit well inside this. */
export const BULK_EXPIRE_SECONDS = 30 * 60;
export const BULK_LEASE_SECONDS = 90;

export function bulkChangeJob(deps: () => Promise<BulkActDeps>, options: BulkJobOptions = {}): JobDefinition {
  return {
    name: BULK_CHANGE_JOB,
    everySeconds: null,
    needsData: true,
    retryLimit: 5,
    expireInSeconds: options.expireInSeconds ?? BULK_EXPIRE_SECONDS,
    run: async (run) => {
      const bulkChangeId = run.data.bulkChangeId;
      if (typeof bulkChangeId !== "string") return { note: "no bulk change named" };
      const d = await deps();
      // Every write of the run on the run's own database (the engine's).
      return runBulkChange(
        { ...d, connections: { ...d.connections, db: run.db }, db: run.db },
        { id: run.id, bulkChangeId },
        { leaseSeconds: options.leaseSeconds ?? BULK_LEASE_SECONDS },
      );
    },
  };
}
