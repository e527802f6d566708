// One upstream write between its audit attempt and completion (lib/audit/attempt.ts): the attempt
// first, so nothing is sent unless it is recorded; the completion with the outcome, or with the
// upstream's error (and its request id) before the error goes on as the handler's answer. A create
// links the key it made, whose id is known only after the call.
//
// Between the upstream's yes and the completion row, Keydesk's own change goes into the connection's
// snapshot (lib/observed), so no read takes it for a change made outside Keydesk: until the
// completion is written, a read leaves the keys the attempt names alone (the in-flight guard), and
// once it is, the snapshot already knows.
import "server-only";
import { beginAttempt, completeAttempt, errorOutcome } from "@/lib/audit";
import type { AuditEvent } from "@/lib/audit/types";
import type { Db } from "@/lib/db";
import {
  recordConnectionChangesQuietly,
  type ConnectionOwnChange,
  type ObservedConnection,
} from "@/lib/observed";
import { fromProviderError } from "@/lib/providers";

/** What the write changed, for the connection's snapshot. */
export interface OwnChanges<T> {
  connection: ObservedConnection;
  changes: (result: T) => readonly ConnectionOwnChange[];
}

export async function auditedWrite<T>(
  db: Db,
  event: AuditEvent,
  write: () => Promise<T>,
  createdKeyId: ((result: T) => string) | undefined,
  own: OwnChanges<T>,
): Promise<T> {
  const attempt = await beginAttempt(db, event);
  let result: T;
  try {
    result = await write();
  } catch (error) {
    await completeAttempt(db, attempt.id, errorOutcome(error)).catch(() => undefined);
    throw fromProviderError(error);
  }
  await recordConnectionChangesQuietly(db, own.connection, own.changes(result));
  await completeAttempt(
    db,
    attempt.id,
    { outcome: "ok" },
    createdKeyId ? { createdKeyId: createdKeyId(result) } : {},
  );
  return result;
}
