// The delivery log (`alert_delivery`): a row per alert per channel, made when the alert is published
// and updated on every try. Reads for the page come out as DeliveryView.
import "server-only";
import { and, desc, eq, lte } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { alertDelivery } from "@/lib/db/schema";
import type { AlertEvent } from "./events";
import { maskedEvent } from "./message";
import type { DeliveryStatus, DeliveryView } from "./types";

export type DeliveryRow = typeof alertDelivery.$inferSelect;

export async function insertDeliveries(
  db: Db,
  event: AlertEvent,
  channels: readonly { id: string; name: string }[],
  at: Date,
  /** Due at once for runDueDeliveries; false for a delivery its caller sends itself (a test). */
  due = true,
): Promise<DeliveryRow[]> {
  if (channels.length === 0) return [];
  // Kept masked: a publisher's mistake (a key's secret in a body) never reaches the database either.
  const kept = maskedEvent(event);
  return db
    .insert(alertDelivery)
    .values(
      channels.map((c) => ({
        channelId: c.id,
        channelName: c.name,
        eventKind: kept.kind,
        event: kept,
        status: "pending",
        nextAttemptAt: due ? at : null,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .returning();
}

/** The pending deliveries due at `now`, oldest due first. */
export async function dueDeliveries(db: Db, now: Date, limit: number): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(alertDelivery)
    .where(and(eq(alertDelivery.status, "pending"), lte(alertDelivery.nextAttemptAt, now)))
    .orderBy(alertDelivery.nextAttemptAt, alertDelivery.id)
    .limit(limit);
}

/**
 * Takes a due delivery for this run by moving its next try past the lease, only if no other run took
 * it meanwhile (its next try is still the one read): two instances, or two timers, never send the same
 * delivery twice. If the process dies mid-send, the delivery is due again once the lease is over.
 */
export async function claimDelivery(db: Db, row: DeliveryRow, leaseUntil: Date): Promise<boolean> {
  const claimed = await db
    .update(alertDelivery)
    .set({ nextAttemptAt: leaseUntil })
    .where(
      and(
        eq(alertDelivery.id, row.id),
        eq(alertDelivery.status, "pending"),
        eq(alertDelivery.nextAttemptAt, row.nextAttemptAt!),
      ),
    )
    .returning({ id: alertDelivery.id });
  return claimed.length > 0;
}

export interface DeliveryUpdate {
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  responseStatus: number | null;
  at: Date;
}

export async function updateDelivery(db: Db, id: number, update: DeliveryUpdate): Promise<void> {
  const { at, ...fields } = update;
  await db
    .update(alertDelivery)
    .set({ ...fields, updatedAt: at })
    .where(eq(alertDelivery.id, id));
}

export function deliveryView(row: DeliveryRow): DeliveryView {
  const event = row.event as Partial<AlertEvent>;
  return {
    id: row.id,
    channelId: row.channelId,
    channelName: row.channelName,
    eventKind: row.eventKind,
    title: typeof event.title === "string" ? event.title : row.eventKind,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: row.status === "pending" && row.nextAttemptAt ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    responseStatus: row.responseStatus,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The newest deliveries first, for the page. */
export async function recentDeliveries(db: Db, limit = 100): Promise<DeliveryView[]> {
  const rows = await db.select().from(alertDelivery).orderBy(desc(alertDelivery.id)).limit(limit);
  return rows.map(deliveryView);
}
