// Cancelling a bulk change (POST /api/bulk-changes/[id]/cancel): its starter or an admin. The keys
// not yet begun are marked cancelled at once; the key being changed at that moment finishes (a
// request already sent may take effect anyway, and is reported as what it turned out to be), and
// the run stops before the next one. Audited.
import "server-only";
import { appendAudit } from "@/lib/audit";
import type { Db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import type { BulkStartContext } from "./start";
import { cancelBulkChange, readBulkChange } from "./store";
import { mayCancel } from "./view";

export async function cancelBulk(
  db: Db,
  ctx: BulkStartContext,
  id: string,
): Promise<{ cancelledKeys: number }> {
  const row = await readBulkChange(db, id);
  if (!row) throw new ApiError("not_found", "There is no such bulk change.");
  if (!mayCancel(ctx.actor, row))
    throw new ApiError("forbidden", "Only the person who started this change, or an admin, may cancel it.");
  const cancelled = await cancelBulkChange(db, id, ctx.actor.email);
  if (cancelled === null)
    throw new ApiError("conflict", "This bulk change has already finished or been cancelled.");
  await appendAudit(db, {
    action: "bulk_change_cancelled",
    actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
    requestId: ctx.info.requestId,
    details: {
      bulkChangeId: id,
      action: row.action,
      cancelledKeys: cancelled,
      startedBy: row.startedByEmail,
    },
    outcome: "ok",
  });
  return { cancelledKeys: cancelled };
}
