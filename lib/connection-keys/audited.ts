// One upstream write between its audit attempt and completion (lib/audit/attempt.ts): the attempt
// first, so nothing is sent unless it is recorded; the completion with the outcome, or with the
// upstream's error (and its request id) before the error goes on as the handler's answer. A create
// links the key it made, whose id is known only after the call.
import "server-only";
import { beginAttempt, completeAttempt, errorOutcome } from "@/lib/audit";
import type { AuditEvent } from "@/lib/audit/types";
import type { Db } from "@/lib/db";
import { fromProviderError } from "@/lib/providers";

export async function auditedWrite<T>(
  db: Db,
  event: AuditEvent,
  write: () => Promise<T>,
  createdKeyId?: (result: T) => string,
): Promise<T> {
  const attempt = await beginAttempt(db, event);
  let result: T;
  try {
    result = await write();
  } catch (error) {
    await completeAttempt(db, attempt.id, errorOutcome(error)).catch(() => undefined);
    throw fromProviderError(error);
  }
  await completeAttempt(
    db,
    attempt.id,
    { outcome: "ok" },
    createdKeyId ? { createdKeyId: createdKeyId(result) } : {},
  );
  return result;
}
