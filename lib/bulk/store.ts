// The bulk change tables (migration 0018): a change and one row per key. Every step the job takes
// is one conditional UPDATE, so two runs that find themselves on the same change (a retry beside a
// run thought dead) never both take a key: see claim.ts for who may work on a change.
import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { bulkChange, bulkChangeKey } from "@/lib/db/schema";
import type { BulkAction, BulkChangeState, BulkCounts, BulkKeyState, BulkKeyView } from "./types";

export type BulkChangeRow = typeof bulkChange.$inferSelect;
export type BulkKeyRow = typeof bulkChangeKey.$inferSelect;

export interface NewBulkChange {
  id: string;
  action: BulkAction;
  reason: string | null;
  startedBy: { id: string; email: string };
  ip: string | null;
  stepUp: unknown;
  keys: {
    connectionId: string;
    keyId: string;
    groupId: string | null;
    name: string | null;
    expectedEnabled: boolean | null;
  }[];
}

/** The change and its keys, all pending, in one transaction. */
export async function insertBulkChange(db: Db, change: NewBulkChange): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(bulkChange).values({
      id: change.id,
      action: change.action,
      reason: change.reason,
      startedById: change.startedBy.id,
      startedByEmail: change.startedBy.email,
      ip: change.ip,
      stepUp: change.stepUp ?? null,
    });
    await tx
      .insert(bulkChangeKey)
      .values(change.keys.map((k, position) => ({ bulkChangeId: change.id, position, ...k })));
  });
}

export async function readBulkChange(db: Db, id: string): Promise<BulkChangeRow | null> {
  const [row] = await db.select().from(bulkChange).where(eq(bulkChange.id, id));
  return row ?? null;
}

export async function recentBulkChanges(db: Db, limit: number): Promise<BulkChangeRow[]> {
  return db.select().from(bulkChange).orderBy(desc(bulkChange.createdAt), desc(bulkChange.id)).limit(limit);
}

export async function keysOf(db: Db, id: string): Promise<BulkKeyView[]> {
  const rows = await db
    .select()
    .from(bulkChangeKey)
    .where(eq(bulkChangeKey.bulkChangeId, id))
    .orderBy(asc(bulkChangeKey.position));
  return rows.map((r) => ({
    position: r.position,
    connectionId: r.connectionId,
    keyId: r.keyId,
    groupId: r.groupId,
    name: r.name,
    state: r.state as BulkKeyState,
    message: r.message,
    updatedAt: new Date(r.updatedAt).toISOString(),
  }));
}

const NO_COUNTS: BulkCounts = { pending: 0, working: 0, done: 0, skipped: 0, failed: 0, cancelled: 0 };

/** How many keys of each change are in each state. */
export async function countsOf(db: Db, ids: string[]): Promise<Map<string, BulkCounts>> {
  const counts = new Map(ids.map((id) => [id, { ...NO_COUNTS }]));
  if (ids.length === 0) return counts;
  const rows = await db
    .select({ id: bulkChangeKey.bulkChangeId, state: bulkChangeKey.state, n: sql<number>`count(*)::int` })
    .from(bulkChangeKey)
    .where(inArray(bulkChangeKey.bulkChangeId, ids))
    .groupBy(bulkChangeKey.bulkChangeId, bulkChangeKey.state);
  for (const r of rows) {
    const c = counts.get(r.id);
    if (c && r.state in c) c[r.state as BulkKeyState] = Number(r.n);
  }
  return counts;
}

/**
 * The next key to work on: one a run began and did not finish comes first (a retry takes it up),
 * then the first pending one. After a cancel, only the begun ones (they may have been changed).
 */
export async function nextKey(db: Db, id: string, onlyBegun: boolean): Promise<BulkKeyRow | null> {
  const states = onlyBegun ? ["working"] : ["working", "pending"];
  const [row] = await db
    .select()
    .from(bulkChangeKey)
    .where(and(eq(bulkChangeKey.bulkChangeId, id), inArray(bulkChangeKey.state, states)))
    .orderBy(sql`${bulkChangeKey.state} = 'working' desc`, asc(bulkChangeKey.position))
    .limit(1);
  return row ?? null;
}

/** pending → working; false when it was no longer pending (cancelled meanwhile). */
export async function beginKey(db: Db, id: string, position: number): Promise<boolean> {
  const rows = await db
    .update(bulkChangeKey)
    .set({ state: "working", updatedAt: sql`now()` })
    .where(
      and(
        eq(bulkChangeKey.bulkChangeId, id),
        eq(bulkChangeKey.position, position),
        eq(bulkChangeKey.state, "pending"),
      ),
    )
    .returning({ position: bulkChangeKey.position });
  return rows.length === 1;
}

/** working → its outcome (and the key's name as read, when the job learnt it). */
export async function finishKey(
  db: Db,
  id: string,
  position: number,
  outcome: { state: Exclude<BulkKeyState, "pending" | "working">; message: string | null; name?: string },
): Promise<void> {
  await db
    .update(bulkChangeKey)
    .set({
      state: outcome.state,
      message: outcome.message,
      ...(outcome.name ? { name: outcome.name } : {}),
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(bulkChangeKey.bulkChangeId, id),
        eq(bulkChangeKey.position, position),
        eq(bulkChangeKey.state, "working"),
      ),
    );
}

/** Every key not yet begun is failed with `message` (the person may no longer make the change). */
export async function failPending(db: Db, id: string, message: string): Promise<void> {
  await db
    .update(bulkChangeKey)
    .set({ state: "failed", message, updatedAt: sql`now()` })
    .where(and(eq(bulkChangeKey.bulkChangeId, id), eq(bulkChangeKey.state, "pending")));
}

/** A running change with nothing left to do is finished (a cancelled one stays cancelled). */
export async function markFinished(db: Db, id: string): Promise<void> {
  await db
    .update(bulkChange)
    .set({ state: "finished", finishedAt: sql`now()`, leaseUntil: null })
    .where(and(eq(bulkChange.id, id), inArray(bulkChange.state, ["queued", "running"])));
  await db
    .update(bulkChange)
    .set({ finishedAt: sql`coalesce(${bulkChange.finishedAt}, now())`, leaseUntil: null })
    .where(and(eq(bulkChange.id, id), eq(bulkChange.state, "cancelled")));
}

/**
 * Cancels a change: the keys not yet begun are marked cancelled; a key being changed now is left
 * to finish. One transaction; false when there was nothing left to cancel.
 */
export async function cancelBulkChange(db: Db, id: string, by: string): Promise<number | null> {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(bulkChange)
      .set({ state: "cancelled", cancelledBy: by, cancelledAt: sql`now()` })
      .where(and(eq(bulkChange.id, id), inArray(bulkChange.state, ["queued", "running"])))
      .returning({ id: bulkChange.id });
    if (changed.length === 0) return null;
    const keys = await tx
      .update(bulkChangeKey)
      .set({ state: "cancelled", message: `Cancelled by ${by}`, updatedAt: sql`now()` })
      .where(and(eq(bulkChangeKey.bulkChangeId, id), eq(bulkChangeKey.state, "pending")))
      .returning({ position: bulkChangeKey.position });
    return keys.length;
  });
}

export const stateOf = (row: BulkChangeRow) => row.state as BulkChangeState;
