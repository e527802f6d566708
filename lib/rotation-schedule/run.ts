// Doing the steps whose time has come, as the `rotation-deadlines` job: each through the target's
// ordinary audited path (lib/keys or lib/connection-keys), its rows signed "Keydesk
// (rotation-deadlines job), on behalf of <the admin who scheduled it>".
//
// Idempotent: the key is read just before each step, and a step whose effect is already there (the
// key disabled, or gone, by anyone) is recorded as done without writing anything; a step done is
// never pending again. So a run tried twice, or two runs overlapping, act at most once per step.
// A step that fails stays pending and is tried again by the next run (every minute), up to
// MAX_TRIES; then it is marked failed, shown on the key page, and a job_failing alert goes out.
import "server-only";
import { publishAlert } from "@/lib/alerts/events";
import { actingAsJob, jobRequestId } from "@/lib/audit/job-actor";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/database";
import { UpstreamError } from "@/lib/elevenlabs/errors";
import { ApiError } from "@/lib/http/api-error";
import { logServerError } from "@/lib/log/server-error";
import { dueSchedules, updateSchedule, type FinishRow } from "./store";
import { PRIMARY, type ActingAs, type FinishTarget, type KeyNow } from "./targets";

export const ROTATION_DEADLINES_JOB = "rotation-deadlines";
export const MAX_TRIES = 5;

/**
 * Whom the writes are made as: nobody signed in. An empty id and email leave the audit rows to the
 * job's signature (lib/audit/job-actor.ts); the role lets lib/keys and lib/connection-keys do an
 * admin's finish, which is what the admin who scheduled it asked for.
 */
const JOB_USER: SessionUser = { id: "", email: "", name: "Keydesk", role: "admin" };

export interface DueRunSummary {
  [k: string]: number;
  due: number;
  disabled: number;
  deleted: number;
  alreadyDone: number;
  skipped: number;
  retrying: number;
  failed: number;
}

/** Keydesk's own words for a failure: an upstream's text or a stack never goes into the table. */
function failureWords(error: unknown): string {
  if (ApiError.is(error)) return error.message;
  if (UpstreamError.is(error)) return `the provider refused or did not answer (${error.kind})`;
  return "an error inside Keydesk (see the server log)";
}

const isDue = (at: string | null, state: FinishRow["disableState"], now: Date) =>
  state === "pending" && at !== null && new Date(at).getTime() <= now.getTime();

/**
 * The rotation was abandoned: the old key still works but is no longer being replaced (its
 * replacement was deleted, or someone switched it back on after finishing), so it is left alone.
 * A key disabled to finish the rotation (by this schedule or anyone) is not: its delete goes ahead.
 */
function abandoned(row: FinishRow, key: KeyNow): boolean {
  return (
    row.connectionId === PRIMARY &&
    row.newKeyId !== null &&
    key.present &&
    key.enabled &&
    key.rotation?.role !== "old"
  );
}

async function doStep(
  row: FinishRow,
  step: "disable" | "delete",
  target: FinishTarget,
  as: ActingAs,
  summary: DueRunSummary,
): Promise<Partial<FinishRow>> {
  const key = await target.read(as.actor);
  const state = step === "disable" ? "disableState" : "deleteState";
  const note = step === "disable" ? "disableNote" : "deleteNote";
  if (!key.present) {
    summary.alreadyDone++;
    return {
      [state]: "done",
      [note]: "already gone: deleted outside this schedule",
      tries: 0,
      lastError: null,
    };
  }
  if (abandoned(row, key)) {
    summary.skipped++;
    return {
      [state]: "skipped",
      [note]:
        "not done: the key is no longer being replaced (its replacement is gone, or it was switched back on), so it was left working",
      tries: 0,
      lastError: null,
    };
  }
  const reason = `Rotation finish scheduled by ${row.scheduledByEmail}`;
  if (step === "disable") {
    if (!key.enabled) {
      summary.alreadyDone++;
      return {
        disableState: "done",
        disableNote: "already disabled outside this schedule",
        tries: 0,
        lastError: null,
      };
    }
    await target.disable(as, reason);
    summary.disabled++;
    return { disableState: "done", disableNote: "disabled by Keydesk", tries: 0, lastError: null };
  }
  await target.delete(as, reason);
  summary.deleted++;
  return { deleteState: "done", deleteNote: "deleted by Keydesk", tries: 0, lastError: null };
}

async function failed(
  db: Db,
  connectionId: string,
  row: FinishRow,
  step: "disable" | "delete",
  error: unknown,
  now: Date,
  summary: DueRunSummary,
): Promise<FinishRow> {
  logServerError(`the ${ROTATION_DEADLINES_JOB} job (${step} of key ${row.keyId})`, error);
  const tries = row.tries + 1;
  const words = failureWords(error);
  if (tries < MAX_TRIES) {
    summary.retrying++;
    return updateSchedule(db, row, { tries, lastError: words }, now);
  }
  summary.failed++;
  const ended =
    step === "disable"
      ? { disableState: "failed" as const, disableNote: `failed after ${tries} tries: ${words}` }
      : { deleteState: "failed" as const, deleteNote: `failed after ${tries} tries: ${words}` };
  const written = await updateSchedule(db, row, { ...ended, tries, lastError: words }, now);
  await publishAlert({
    kind: "job_failing",
    severity: "warning",
    title: `Keydesk could not ${step} ${row.keyName ?? row.keyId} as scheduled`,
    body: `The rotation finish scheduled by ${row.scheduledByEmail} failed after ${tries} tries: ${words}. Finish it on the key's page.`,
    target: {
      connectionId,
      group: row.groupId,
      keyId: row.keyId,
      ...(row.keyName ? { name: row.keyName } : {}),
    },
    at: now.toISOString(),
  });
  return written;
}

/** One schedule's due steps, disable before delete; stops at the first failure. */
async function runSchedule(
  db: Db,
  start: FinishRow,
  target: FinishTarget,
  runId: string,
  now: Date,
  summary: DueRunSummary,
): Promise<void> {
  const as: ActingAs = {
    actor: JOB_USER,
    info: { requestId: jobRequestId(runId), ip: null, userAgent: null },
  };
  let row = start;
  await actingAsJob({ runId, job: ROTATION_DEADLINES_JOB, onBehalfOf: row.scheduledByEmail }, async () => {
    for (const step of ["disable", "delete"] as const) {
      const due =
        step === "disable"
          ? isDue(row.disableAt, row.disableState, now)
          : isDue(row.deleteAt, row.deleteState, now);
      if (!due) continue;
      try {
        const changes = await doStep(row, step, target, as, summary);
        row = await updateSchedule(db, row, changes, now);
      } catch (error) {
        row = await failed(db, target.auditConnectionId, row, step, error, now, summary);
        return;
      }
      if (row.closedAt !== null) return;
    }
  });
}

/** Every step due at `now` (the run's period start, or a test's clock). */
export async function runDueSteps(
  db: Db,
  targetOf: (row: FinishRow) => Promise<FinishTarget>,
  run: { id: string; now: Date },
): Promise<DueRunSummary> {
  const rows = await dueSchedules(db, run.now);
  const summary: DueRunSummary = {
    due: rows.length,
    disabled: 0,
    deleted: 0,
    alreadyDone: 0,
    skipped: 0,
    retrying: 0,
    failed: 0,
  };
  for (const row of rows) {
    let target: FinishTarget;
    try {
      target = await targetOf(row);
    } catch (error) {
      await failed(
        db,
        row.connectionId,
        row,
        isDue(row.disableAt, row.disableState, run.now) ? "disable" : "delete",
        error,
        run.now,
        summary,
      );
      continue;
    }
    await runSchedule(db, row, target, run.id, run.now, summary);
  }
  return summary;
}
