// An upstream change is two rows: the attempt, written before the call (outcome "pending"), and its
// completion, a second row written after (`completes` = the attempt's id). Never an UPDATE: the
// chain stays append-only, and a process that dies in between leaves an attempt with no completion,
// which readers show as "unknown".
//
// A completion's outcome: "ok" (the upstream answered that it was done), "error" (it refused: a
// 4xx, or the call never went out), or, when the answer left it uncertain (a 5xx, a cut connection,
// a timeout, an unreadable answer) and Keydesk re-read the upstream to find out (lib/keys/reconcile.ts),
// "applied", "not_applied" or "unknown", with the error the upstream answered in error_code and
// upstream_status. The values live in the existing `outcome` column: no new column, so every row's
// hash is taken exactly as before.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { auditLog } from "@/lib/db/schema";
import { announceKeyDisabled } from "@/lib/alerts/key-disabled";
import { appendChained, appendChainedIn, entryColumns, eventColumns, type Tx } from "./append";
import { auditNow } from "./at";
import { assertNoSecret } from "./secret-guard";
import { readableRow } from "./stored-row";
import type { AuditEntryInput, AuditEvent, AuditOutcome, AuditRow, AuditRowContent } from "./types";

export class AuditAttemptError extends Error {
  override name = "AuditAttemptError";
}

/** Writes the attempt row. Call before the upstream call; do not call upstream if this throws. */
export async function beginAttempt(db: Db, event: AuditEvent): Promise<AuditRow> {
  const content: AuditRowContent = {
    ...eventColumns(event),
    at: auditNow(),
    outcome: "pending",
    errorCode: null,
    upstreamStatus: null,
    upstreamRequestId: null,
    completes: null,
  };
  assertNoSecret(content);
  const [row] = await appendChained(db, () => [content]);
  return row!;
}

/**
 * What a completion may add to its attempt: the key a create made (from the upstream's answer, or
 * found by re-reading the upstream after an uncertain one), as the row's key id when the attempt
 * named none, and in `changes`, so the key's own history finds the row that made it.
 */
export interface CompletionLink {
  createdKeyId?: string;
}

/** The completion row of `attempt` (as the person gave it): who, where and what copied, with the outcome. */
function completionRow(attempt: AuditRow, outcome: AuditOutcome, link: CompletionLink): AuditRowContent {
  return {
    at: auditNow(),
    requestId: attempt.requestId,
    actorUserId: attempt.actorUserId,
    actorEmail: attempt.actorEmail,
    actorRole: attempt.actorRole,
    ip: attempt.ip,
    userAgent: attempt.userAgent,
    action: attempt.action,
    connectionId: attempt.connectionId ?? null,
    serviceAccountId: attempt.serviceAccountId,
    keyId: attempt.keyId ?? link.createdKeyId ?? null,
    targetName: attempt.targetName,
    targetUserId: attempt.targetUserId,
    // The attempt holds the changes; a completion adds only what was learned after it.
    changes: link.createdKeyId ? { createdKeyId: { before: null, after: link.createdKeyId } } : null,
    reason: null,
    details: null,
    outcome: outcome.outcome,
    errorCode: outcome.outcome !== "ok" ? outcome.errorCode : null,
    upstreamStatus: outcome.upstreamStatus ?? null,
    upstreamRequestId: outcome.upstreamRequestId ?? null,
    completes: attempt.id,
  };
}

/**
 * Writes the completion row of an attempt: who, where and what copied from the attempt, with the
 * outcome. Refuses an id that is not a pending attempt, or one already completed.
 */
export async function completeAttempt(
  db: Db,
  attemptId: number,
  outcome: AuditOutcome,
  link: CompletionLink = {},
): Promise<AuditRow> {
  const [row] = await appendChained(db, async (tx) => {
    const [stored] = await tx.select().from(auditLog).where(eq(auditLog.id, attemptId)).limit(1);
    // Copied as the person gave it: appendChained stores it again (not escaped twice).
    const attempt = stored ? readableRow(stored) : undefined;
    if (!attempt || attempt.outcome !== "pending")
      throw new AuditAttemptError(`Audit row ${attemptId} is not an attempt.`);
    const [done] = await tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(eq(auditLog.completes, attemptId))
      .limit(1);
    if (done)
      throw new AuditAttemptError(`Audit attempt ${attemptId} is already completed (row ${done.id}).`);
    return [completionRow(attempt, outcome, link)];
  });
  announceKeyDisabled(row!); // a key_disabled alert when this completes a disable (lib/alerts)
  return row!;
}

/**
 * The same, inside the caller's transaction (committed or rolled back with the caller's own work),
 * for the attempt the caller began itself (`beginAttempt`'s row, as it returned it) and has not
 * completed: that row is not read back. `then`: finished events that follow the completion (a
 * created key's reveal), appended right after it, so all are written together or none.
 */
export async function completeAttemptIn(
  tx: Tx,
  attempt: AuditRow,
  outcome: AuditOutcome,
  then: readonly AuditEntryInput[] = [],
  link: CompletionLink = {},
): Promise<AuditRow> {
  if (attempt.outcome !== "pending")
    throw new AuditAttemptError(`Audit row ${attempt.id} is not an attempt.`);
  for (const entry of then) assertNoSecret(entryColumns(entry)); // before touching the database at all
  const [row] = await appendChainedIn(tx, () => [
    // Copied as the person gave it: appendChainedIn stores it again (not escaped twice).
    completionRow(readableRow(attempt), outcome, link),
    // Timed after the completion, as they happen after it.
    ...then.map(entryColumns),
  ]);
  announceKeyDisabled(row!); // as in completeAttempt
  return row!;
}

/** The outcome of a thrown error: an UpstreamError's kind, status and request id, else "internal". */
export function errorOutcome(error: unknown): AuditOutcome & { outcome: "error" } {
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    kind?: unknown;
    upstreamStatus?: unknown;
    requestId?: unknown;
  };
  return {
    outcome: "error",
    errorCode: typeof e.kind === "string" ? e.kind : "internal",
    upstreamStatus: typeof e.upstreamStatus === "number" ? e.upstreamStatus : null,
    upstreamRequestId: typeof e.requestId === "string" ? e.requestId : null,
  };
}

/**
 * Runs `work` between an attempt and its completion. If `work` throws, the error is recorded
 * (code, upstream status and request id from an UpstreamError) and rethrown. If writing the
 * completion fails after `work` succeeded, that error is thrown: the attempt then stays "unknown",
 * exactly as if the process had died there. If it fails after `work` threw, `work`'s error wins.
 */
export async function audited<T>(
  db: Db,
  event: AuditEvent,
  work: (attempt: AuditRow) => Promise<T>,
): Promise<T> {
  const attempt = await beginAttempt(db, event);
  let result: T;
  try {
    result = await work(attempt);
  } catch (error) {
    await completeAttempt(db, attempt.id, errorOutcome(error)).catch(() => undefined);
    throw error;
  }
  await completeAttempt(db, attempt.id, { outcome: "ok" });
  return result;
}
