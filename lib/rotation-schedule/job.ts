// The `rotation-deadlines` job: every minute, the scheduled finishes whose time has come (run.ts).
// Its clock is the run's period start, so a run tried again later acts on the same "now".
import "server-only";
import type { ConnectionDeps } from "@/lib/connections";
import type { JobDefinition } from "@/lib/jobs/types";
import type { KeyDeps } from "@/lib/keys";
import { runDueSteps, ROTATION_DEADLINES_JOB } from "./run";
import type { FinishRow } from "./store";
import { connectionTarget, PRIMARY, primaryTarget, type FinishTarget } from "./targets";

export interface DeadlineDeps {
  /** The primary workspace's upstream and the database (lib/keys). */
  keys: () => Promise<KeyDeps>;
  /** What other connections' keys are reached with (lib/connection-keys). */
  connections: () => Promise<ConnectionDeps>;
}

export function targetOfRow(deps: DeadlineDeps): (row: FinishRow) => Promise<FinishTarget> {
  return async (row) =>
    row.connectionId === PRIMARY
      ? primaryTarget(await deps.keys(), row.groupId ?? "", row.keyId)
      : connectionTarget(await deps.connections(), row.connectionId, row.keyId, row.groupId);
}

export function rotationDeadlinesJob(deps: DeadlineDeps): JobDefinition {
  return {
    name: ROTATION_DEADLINES_JOB,
    everySeconds: 60,
    // A failed step is tried again by the next minute's run (run.ts counts its tries); an engine
    // retry is for a run that failed as a whole (the database, say).
    retryLimit: 2,
    expireInSeconds: 240,
    run: (run) => runDueSteps(run.db, targetOfRow(deps), { id: run.id, now: run.periodStart }),
  };
}
