// A write whose answer leaves its outcome uncertain: the upstream answered 5xx, the connection
// dropped, the call timed out, or the answer could not be read. The change may have been made all
// the same (ElevenLabs can fail after committing). Telling the person "try again" then invites a
// second key, so Keydesk re-reads the upstream (the read path, with its bounded retries) and says
// what it found: applied, not_applied or unknown, on the completion row and to the person.
// A 4xx is a refusal: nothing was made, and nothing is re-read.
//
// How each write is recognised (see DECISIONS.md beside this file for the limits):
//   create/rotate: findCreated below;  change: every sent field now has the sent value;
//   delete: the key is no longer listed.
import "server-only";
import { appendAudit, beginAttempt, completeAttempt, completeAttemptIn, errorOutcome } from "@/lib/audit";
import type { AuditEntryInput, AuditEvent, AuditRow, Reconciliation } from "@/lib/audit/types";
import type { Db } from "@/lib/db/database";
import { ApiError } from "@/lib/http/api-error";
import { recordOwnChangeIn, recordOwnChangeQuietly, type OwnChange } from "@/lib/observed";
import type { ApiKey } from "@/lib/elevenlabs/types";
import { fromUpstream, UpstreamError } from "@/lib/elevenlabs/errors";

export type { Reconciliation };

/** What re-reading found; `found` is what an applied write left (the created key, the changed key). */
export type Check<F> = { outcome: "applied"; found: F } | { outcome: "not_applied" } | { outcome: "unknown" };

/** What the person is told when the upstream's error turned out to hide a success. */
export interface Reconciled {
  outcome: "applied";
  message: string;
}

/** Whether an error leaves the write's outcome unknown (as opposed to a refusal, or a bug of ours). */
export function isUncertain(error: unknown): error is UpstreamError {
  return (
    UpstreamError.is(error) &&
    (error.kind === "unavailable" || error.kind === "timeout" || error.kind === "bad_response")
  );
}

/** Thrown by `auditedWrite` after an uncertain write was reconciled; each action turns it into its answer. */
export class UncertainWrite<F> extends Error {
  override name = "UncertainWrite";
  constructor(
    readonly check: Check<F>,
    readonly upstream: UpstreamError,
  ) {
    super(upstream.message);
  }
}

export interface WriteSteps<T, F> {
  /** The upstream call (never retried). */
  write: () => Promise<T>;
  /** After the upstream said yes: Keydesk's own record of the change (the inventory snapshot). */
  ownChange: (result: T) => OwnChange;
  /**
   * After the upstream said yes, more of Keydesk's own records (a rotation's pairing, finishing
   * one), made after the snapshot and before the completion row; returns finished events (a
   * secret's reveal) to append right after the completion. `db` may be a transaction: use only it.
   */
  done?: (result: T, db: Db) => Promise<AuditEntryInput[]>;
  /** After an uncertain answer: re-read the upstream. `attemptAt` is when the attempt was written. */
  check: (attemptAt: string) => Promise<Check<F>>;
  /** After re-reading found the change made: the same record as recordDone, from what was found. */
  recordFound: (found: F) => Promise<void>;
  /** The key a create turned out to have made, to link on the completion row. */
  createdKeyId?: (found: F) => string;
  /** The key a create made, from the upstream's own answer, to link on the completion row. */
  madeKeyId?: (result: T) => string;
}

/**
 * After a success, in one transaction: Keydesk's own record of the change, `done`, the completion
 * row and the events that follow it (the snapshot first: its lock comes before the chain's, see
 * lib/observed/lock.ts). A reader sees all of it or none, so never the change without the
 * snapshot knowing it (lib/observed/guard.ts). If that transaction fails, the steps are made one by
 * one as before they were joined, so a failure leaves exactly what it left then: the snapshot
 * update is best effort, a completion that cannot be written is thrown (the attempt stays
 * "unknown"), and nothing after it is written.
 */
async function completeDone<T>(
  db: Db,
  attempt: AuditRow,
  steps: Pick<WriteSteps<T, unknown>, "ownChange" | "done" | "madeKeyId">,
  result: T,
) {
  const change = steps.ownChange(result);
  const link = steps.madeKeyId ? { createdKeyId: steps.madeKeyId(result) } : {};
  try {
    await db.transaction(async (tx) => {
      await recordOwnChangeIn(tx, change);
      const then = steps.done ? await steps.done(result, tx) : [];
      await completeAttemptIn(tx, attempt, { outcome: "ok" }, then, link);
    });
    return;
  } catch {
    // Rolled back whole: one step at a time below, each failing (or not) as it would on its own.
  }
  await recordOwnChangeQuietly(db, change);
  await completeAttempt(db, attempt.id, { outcome: "ok" }, link);
  for (const entry of steps.done ? await steps.done(result, db) : []) await appendAudit(db, entry);
}

/**
 * An audited upstream write: the attempt row, the call, Keydesk's own record of the change, then the
 * completion row (in that order, see lib/observed/guard.ts). A refusal completes as "error" and is
 * thrown as it came; an uncertain answer is reconciled, completed as applied, not_applied or unknown,
 * and thrown as an UncertainWrite.
 */
export async function auditedWrite<T, F>(db: Db, event: AuditEvent, steps: WriteSteps<T, F>): Promise<T> {
  const attempt: AuditRow = await beginAttempt(db, event);
  let result: T;
  try {
    result = await steps.write();
  } catch (error) {
    if (!isUncertain(error)) {
      await completeAttempt(db, attempt.id, errorOutcome(error)).catch(() => undefined);
      throw error;
    }
    const check = await steps.check(attempt.at).catch((): Check<F> => ({ outcome: "unknown" }));
    if (check.outcome === "applied") await steps.recordFound(check.found);
    const link =
      check.outcome === "applied" && steps.createdKeyId
        ? { createdKeyId: steps.createdKeyId(check.found) }
        : {};
    await completeAttempt(db, attempt.id, { ...errorOutcome(error), outcome: check.outcome }, link).catch(
      () => undefined,
    );
    throw new UncertainWrite(check, error);
  }
  await completeDone(db, attempt, steps, result);
  return result;
}

/** What went wrong, in words, without "try again" (what to do depends on what re-reading found). */
function trouble(error: UpstreamError): string {
  if (error.kind === "timeout") return "ElevenLabs did not answer in time.";
  if (error.kind === "bad_response") return "ElevenLabs answered with something Keydesk could not read.";
  if (error.upstreamStatus !== undefined)
    return `ElevenLabs answered with an error (HTTP ${error.upstreamStatus}).`;
  return "The connection to ElevenLabs failed before its answer arrived.";
}

/** The answer for a write found not made, or that could not be confirmed either way. */
export function notAppliedOrUnknown(uncertain: UncertainWrite<unknown>, what: string): ApiError {
  const base = fromUpstream(uncertain.upstream);
  const outcome = uncertain.check.outcome === "not_applied" ? "not_applied" : "unknown";
  const message =
    outcome === "not_applied"
      ? `${trouble(uncertain.upstream)} Keydesk checked: nothing was changed, so it is safe to try again.`
      : `${trouble(uncertain.upstream)} Keydesk could not confirm whether ${what}: check the key before retrying.`;
  return new ApiError(base.code, message, { upstreamRequestId: base.extra.upstreamRequestId, outcome });
}

/** Seconds of clock difference between Keydesk and the upstream that a creation time may show. */
export const CLOCK_SLACK_SECONDS = 30;

/**
 * The key a create made, among the service account's keys as read after it: its name is exactly
 * the one sent, the snapshot never held its id (so it is not a key seen before, nor one Keydesk
 * made and recorded), and it was created after the attempt (less CLOCK_SLACK_SECONDS; a key the
 * upstream gives no creation time passes). One such key: applied. None, and no other new key:
 * not_applied. Anything else (two keys of that name, or a new key of another name that could be
 * ours renamed by the upstream): unknown.
 */
export function findCreated(
  keys: readonly ApiKey[],
  known: ReadonlySet<string>,
  name: string,
  attemptAt: string,
): Check<ApiKey> {
  const since = Math.floor(Date.parse(attemptAt) / 1000) - CLOCK_SLACK_SECONDS;
  const fresh = keys.filter(
    (k) => !known.has(k.id) && (k.createdAt === null || Math.floor(Date.parse(k.createdAt) / 1000) >= since),
  );
  const named = fresh.filter((k) => k.name === name);
  if (named.length === 1) return { outcome: "applied", found: named[0]! };
  if (fresh.length === 0) return { outcome: "not_applied" };
  return { outcome: "unknown" };
}
