// The schedules in the database (table rotation_finish, migration 0016). At most one open schedule
// per key (a partial unique index); a schedule closes when no step is left pending.
import "server-only";
import { and, desc, eq, isNull, lte, or } from "drizzle-orm";
import { toIsoAt } from "@/lib/audit/at";
import type { Db } from "@/lib/db/database";
import { rotationFinish } from "@/lib/db/schema";
import type { FinishSchedule, FinishStep } from "./types";

export type FinishRow = typeof rotationFinish.$inferSelect;
type Executor = Pick<Db, "select" | "update" | "insert">;

/** The key's open schedule, or its most recent closed one: as the old key, or (paired) as the new. */
export async function scheduleOfKey(
  db: Executor,
  connectionId: string,
  keyId: string,
): Promise<FinishRow | null> {
  const [row] = await db
    .select()
    .from(rotationFinish)
    .where(
      and(
        eq(rotationFinish.connectionId, connectionId),
        or(eq(rotationFinish.keyId, keyId), eq(rotationFinish.newKeyId, keyId)),
        // A cancelled schedule is history: the page shows nothing for it.
        isNull(rotationFinish.cancelledAt),
      ),
    )
    .orderBy(desc(rotationFinish.id))
    .limit(1);
  return row ?? null;
}

/** The open schedule of the key it finishes (the old key), if any. */
export async function openScheduleOf(
  db: Executor,
  connectionId: string,
  keyId: string,
): Promise<FinishRow | null> {
  const [row] = await db
    .select()
    .from(rotationFinish)
    .where(
      and(
        eq(rotationFinish.connectionId, connectionId),
        eq(rotationFinish.keyId, keyId),
        isNull(rotationFinish.closedAt),
      ),
    );
  return row ?? null;
}

/** Open schedules with a step pending whose time has come, oldest first. */
export function dueSchedules(db: Executor, now: Date): Promise<FinishRow[]> {
  const at = now.toISOString();
  return db
    .select()
    .from(rotationFinish)
    .where(
      and(
        isNull(rotationFinish.closedAt),
        or(
          and(eq(rotationFinish.disableState, "pending"), lte(rotationFinish.disableAt, at)),
          and(eq(rotationFinish.deleteState, "pending"), lte(rotationFinish.deleteAt, at)),
        ),
      ),
    )
    .orderBy(rotationFinish.id);
}

/** The row's changes, closing it when no step is left pending. Returns the row as written. */
export async function updateSchedule(
  db: Executor,
  row: FinishRow,
  changes: Partial<FinishRow>,
  now: Date,
): Promise<FinishRow> {
  const next = { ...row, ...changes };
  const open = next.disableState === "pending" || next.deleteState === "pending";
  const [written] = await db
    .update(rotationFinish)
    .set({ ...changes, closedAt: open ? null : (next.closedAt ?? now.toISOString()) })
    .where(eq(rotationFinish.id, row.id))
    .returning();
  return written!;
}

function step(at: string | null, state: FinishRow["disableState"], note: string | null): FinishStep | null {
  if (at === null || state === null) return null;
  return { at: toIsoAt(at), state, note };
}

/** As the API answers it. */
export function scheduleView(row: FinishRow): FinishSchedule {
  return {
    id: row.id,
    keyId: row.keyId,
    newKeyId: row.newKeyId,
    groupId: row.groupId,
    disable: step(row.disableAt, row.disableState, row.disableNote),
    delete: step(row.deleteAt, row.deleteState, row.deleteNote),
    tries: row.tries,
    lastError: row.lastError,
    scheduledByEmail: row.scheduledByEmail,
    scheduledAt: toIsoAt(row.scheduledAt),
    closedAt: row.closedAt === null ? null : toIsoAt(row.closedAt),
    cancelledAt: row.cancelledAt === null ? null : toIsoAt(row.cancelledAt),
  };
}
