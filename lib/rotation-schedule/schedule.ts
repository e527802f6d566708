// Setting, changing and cancelling a schedule (admins, with a recent sign-in checked by the route).
// The key is read first: it must be listed, and on the primary workspace it must be the old key of
// an open rotation (there is nothing to finish otherwise). The row and its audit row are written in
// one transaction, so the log and the timetable never disagree.
import "server-only";
import { appendChainedIn, entryColumns } from "@/lib/audit/append";
import { toIsoAt } from "@/lib/audit/at";
import type { AuditChanges } from "@/lib/audit/types";
import { stepUpDetails } from "@/lib/auth/step-up";
import type { Db } from "@/lib/db/database";
import { rotationFinish } from "@/lib/db/schema";
import { ApiError } from "@/lib/http/api-error";
import { redactSecrets } from "@/lib/text/secret-pattern";
import { openScheduleOf, scheduleOfKey, scheduleView, updateSchedule, type FinishRow } from "./store";
import { PRIMARY, type ActingAs, type FinishTarget } from "./targets";
import type { FinishSchedule, FinishScheduleBody } from "./types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A timestamptz as either driver spells it, as ISO 8601 (the audit row's before → after). */
const iso = (at: string | null) => (at === null ? null : toIsoAt(at));

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The key's schedule as its page shows it (open, or the last one that ran; null when none), as the
 * old key or as its replacement. `connectionId`: PRIMARY or another connection's id.
 */
export async function finishScheduleOf(
  db: Db,
  key: { connectionId: string; keyId: string },
): Promise<FinishSchedule | null> {
  const row = await scheduleOfKey(db, key.connectionId, key.keyId);
  return row ? scheduleView(row) : null;
}

function auditRow(
  tx: Tx,
  as: ActingAs,
  target: FinishTarget,
  action: "rotation_finish_scheduled" | "rotation_finish_cancelled",
  name: string | null,
  changes: AuditChanges,
) {
  return appendChainedIn(tx, () => [
    entryColumns({
      action,
      actor: { userId: as.actor.id, email: as.actor.email, role: as.actor.role },
      ip: as.info.ip,
      userAgent: as.info.userAgent,
      requestId: as.info.requestId,
      target: {
        connectionId: target.auditConnectionId,
        serviceAccountId: target.groupId,
        keyId: target.keyId,
        // Names come from upstream, where anyone may have pasted a secret into one.
        name: name === null ? null : redactSecrets(name),
      },
      changes,
      details: stepUpDetails(as.info),
      outcome: "ok",
    }),
  ]);
}

/** When each step would run, from now; null where not asked for. */
function stepTimes(body: FinishScheduleBody, now: Date) {
  const disableAt = body.disableInHours ? new Date(now.getTime() + body.disableInHours * HOUR) : null;
  const deleteAt = body.deleteInDays ? new Date(now.getTime() + body.deleteInDays * DAY) : null;
  return { disableAt: disableAt?.toISOString() ?? null, deleteAt: deleteAt?.toISOString() ?? null };
}

/** A step as changed: a step already ended keeps its time and state; a pending one takes the new time. */
function nextStep(
  state: FinishRow["disableState"],
  at: string | null,
  wanted: string | null,
): { at: string | null; state: FinishRow["disableState"] } {
  if (state !== null && state !== "pending") return { at, state };
  return wanted === null ? { at: null, state: null } : { at: wanted, state: "pending" };
}

/** A unique index refused the row (PostgreSQL 23505), as either driver reports it. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return (e?.code ?? e?.cause?.code) === "23505";
}

export async function scheduleFinish(
  db: Db,
  target: FinishTarget,
  as: ActingAs,
  body: FinishScheduleBody,
  now: Date = new Date(),
): Promise<FinishSchedule> {
  const key = await target.read(as.actor);
  if (!key.present)
    throw new ApiError("not_found", "This key is no longer listed: there is nothing to finish.");
  const paired = target.storedConnectionId === PRIMARY;
  if (paired && key.rotation?.role !== "old")
    throw new ApiError(
      "conflict",
      "This key is not being replaced by a rotation: only the old key of a rotation can have its finish scheduled.",
    );
  if (body.disableInHours && !(await target.canDisable(as.actor)))
    throw new ApiError("validation_failed", "disableInHours: This provider's keys cannot be switched off.", {
      fields: [
        {
          path: ["disableInHours"],
          message: "This provider's keys cannot be switched off; schedule the delete only.",
        },
      ],
    });
  const wanted = stepTimes(body, now);

  const row = await db
    .transaction(async (tx) => {
      const existing = await openScheduleOf(tx, target.storedConnectionId, target.keyId);
      let written: FinishRow;
      if (existing) {
        const disable = nextStep(existing.disableState, existing.disableAt, wanted.disableAt);
        const del = nextStep(existing.deleteState, existing.deleteAt, wanted.deleteAt);
        if (disable.state !== "pending" && del.state !== "pending")
          throw new ApiError(
            "conflict",
            "Nothing is left to schedule: the steps asked for have already run.",
          );
        written = await updateSchedule(
          tx,
          existing,
          {
            disableAt: disable.at,
            disableState: disable.state,
            deleteAt: del.at,
            deleteState: del.state,
            tries: 0,
            lastError: null,
          },
          now,
        );
      } else {
        const [inserted] = await tx
          .insert(rotationFinish)
          .values({
            connectionId: target.storedConnectionId,
            groupId: target.groupId,
            keyId: target.keyId,
            newKeyId: paired ? (key.rotation?.partnerKeyId ?? null) : null,
            keyName: key.name,
            disableAt: wanted.disableAt,
            disableState: wanted.disableAt ? "pending" : null,
            deleteAt: wanted.deleteAt,
            deleteState: wanted.deleteAt ? "pending" : null,
            scheduledBy: as.actor.id,
            scheduledByEmail: as.actor.email,
            scheduledAt: now.toISOString(),
          })
          .returning();
        written = inserted!;
      }
      const changes: AuditChanges = {
        disableAt: { before: iso(existing?.disableAt ?? null), after: iso(written.disableAt) },
        deleteAt: { before: iso(existing?.deleteAt ?? null), after: iso(written.deleteAt) },
      };
      await auditRow(tx, as, target, "rotation_finish_scheduled", key.name, changes);
      return written;
    })
    .catch((error: unknown) => {
      // Two admins setting the first schedule of a key at once: one wins, the other is told.
      if (isUniqueViolation(error))
        throw new ApiError(
          "conflict",
          "Someone else scheduled this key's finish just now: reload to see it.",
        );
      throw error;
    });
  return scheduleView(row);
}

export async function cancelFinish(
  db: Db,
  target: FinishTarget,
  as: ActingAs,
  now: Date = new Date(),
): Promise<FinishSchedule> {
  const row = await db.transaction(async (tx) => {
    const existing = await openScheduleOf(tx, target.storedConnectionId, target.keyId);
    if (!existing) throw new ApiError("not_found", "This key has no scheduled finish to cancel.");
    const written = await updateSchedule(
      tx,
      existing,
      {
        cancelledAt: now.toISOString(),
        cancelledBy: as.actor.id,
        disableState: existing.disableState === "pending" ? "skipped" : existing.disableState,
        disableNote: existing.disableState === "pending" ? "cancelled" : existing.disableNote,
        deleteState: existing.deleteState === "pending" ? "skipped" : existing.deleteState,
        deleteNote: existing.deleteState === "pending" ? "cancelled" : existing.deleteNote,
      },
      now,
    );
    await auditRow(tx, as, target, "rotation_finish_cancelled", existing.keyName, {
      disableAt: { before: iso(existing.disableAt), after: null },
      deleteAt: { before: iso(existing.deleteAt), after: null },
    });
    return written;
  });
  return scheduleView(row);
}
