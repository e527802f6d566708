// A bulk change's job run: take the change's lease (claim.ts), then the keys one by one, each
// through the per-key libs (act.ts), writing each key's outcome as it goes; between keys, renew the
// lease and look for a cancel. A key is marked `working` before anything is sent for it, so a run
// that dies leaves the key it was on marked; the next run takes that key first and acts on it
// knowing it may already have been changed (act.ts: a change is never made twice to a different
// effect).
import "server-only";
import type { Db } from "@/lib/db";
import { jobRequestId } from "@/lib/audit/job-actor";
import type { RequestInfo } from "@/lib/http/request-info";
import type { JobSummary } from "@/lib/jobs/types";
import { actOnKey, type BulkActDeps } from "./act";
import { actorNow } from "./actor";
import { claimLease } from "./claim";
import { beginKey, failPending, finishKey, markFinished, nextKey, readBulkChange } from "./store";
import type { BulkAction } from "./types";

export interface BulkRunOptions {
  /** How long a run's claim on a change holds without being renewed (renewed before every key). */
  leaseSeconds: number;
  /** How often a run that finds the lease held looks again (default: half a lease). */
  waitMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The lease, once this run may have it. A run that finds another holding it (a retry pg-boss made
 * of a run that was only slow, or a resume asked for on reading) waits rather than ending: if the
 * holder dies, its lease runs out and this run goes on, so the change never waits for a retry that
 * will not come. Null when the change is over (finished or gone) before then.
 */
async function leaseWhenFree(db: Db, id: string, runId: string, options: BulkRunOptions) {
  for (;;) {
    const change = await claimLease(db, id, runId, options.leaseSeconds);
    if (change) return change;
    const row = await readBulkChange(db, id);
    if (!row || row.finishedAt) return null;
    await sleep(options.waitMs ?? (options.leaseSeconds * 1000) / 2);
  }
}

export async function runBulkChange(
  deps: BulkActDeps & { db: Db },
  run: { id: string; bulkChangeId: string },
  options: BulkRunOptions,
): Promise<JobSummary> {
  const { db } = deps;
  const id = run.bulkChangeId;
  let change = await leaseWhenFree(db, id, run.id, options);
  // It is over: nothing for this run to do.
  if (!change) return { bulkChangeId: id, keys: 0, note: "nothing to do here" };
  const action = change.action as BulkAction;
  const who = await actorNow(db, change.startedById, action);
  if ("refused" in who) await failPending(db, id, who.refused);
  const stepUp = change.stepUp as RequestInfo["stepUp"] | null;
  const info: RequestInfo = {
    // The audit rows of the keys are found with the run's (jobs page) and say who asked.
    requestId: jobRequestId(run.id),
    ip: change.ip,
    userAgent: `Keydesk bulk change ${id}`,
    ...(stepUp ? { stepUp } : {}),
  };
  const summary = { done: 0, skipped: 0, failed: 0 };

  for (;;) {
    const key = await nextKey(db, id, change.state === "cancelled" || "refused" in who);
    if (!key) break;
    const resumed = key.state === "working";
    if (!resumed && !(await beginKey(db, id, key.position))) continue; // cancelled meanwhile
    const outcome =
      "refused" in who
        ? { state: "failed" as const, message: who.refused }
        : await actOnKey(
            deps,
            { actor: who.actor, info },
            action,
            change.reason,
            { connectionId: key.connectionId, keyId: key.keyId, groupId: key.groupId },
            resumed,
          );
    await finishKey(db, id, key.position, outcome);
    summary[outcome.state === "cancelled" ? "failed" : outcome.state]++;
    // Renewed (and a cancel seen) before the next key; a run whose lease was taken over stops here.
    const renewed = await claimLease(db, id, run.id, options.leaseSeconds);
    if (!renewed) return { bulkChangeId: id, ...summary, note: "another run took over" };
    change = renewed;
  }
  await markFinished(db, id);
  return { bulkChangeId: id, ...summary };
}
