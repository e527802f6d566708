// Reading bulk changes (GET /api/bulk-changes and /[id]): the recent ones with their progress, and
// one with every key's outcome. Anyone whose role may make a change reads them; the starter or an
// admin may cancel one that still has keys to do.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { countsOf, keysOf, readBulkChange, recentBulkChanges, type BulkChangeRow } from "./store";
import type { BulkAction, BulkChangeDetail, BulkChangeState, BulkChangeView, BulkCounts } from "./types";

export const RECENT_LIMIT = 20;

type Who = Pick<SessionUser, "id" | "role">;

export function mayCancel(who: Who, row: Pick<BulkChangeRow, "startedById">): boolean {
  return who.role === "admin" || row.startedById === who.id;
}

function viewOf(row: BulkChangeRow, counts: BulkCounts, who: Who): BulkChangeView {
  const state = row.state as BulkChangeState;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    id: row.id,
    action: row.action as BulkAction,
    reason: row.reason,
    startedBy: { id: row.startedById, email: row.startedByEmail },
    state,
    createdAt: new Date(row.createdAt).toISOString(),
    finishedAt: row.finishedAt ? new Date(row.finishedAt).toISOString() : null,
    cancelledBy: row.cancelledBy,
    total,
    counts,
    canCancel: (state === "queued" || state === "running") && counts.pending > 0 && mayCancel(who, row),
  };
}

export async function listBulkChanges(db: Db, who: Who): Promise<BulkChangeView[]> {
  const rows = await recentBulkChanges(db, RECENT_LIMIT);
  const counts = await countsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => viewOf(r, counts.get(r.id)!, who));
}

export async function bulkChangeDetail(db: Db, id: string, who: Who): Promise<BulkChangeDetail> {
  const row = await readBulkChange(db, id);
  if (!row) throw new ApiError("not_found", "There is no such bulk change.");
  const counts = (await countsOf(db, [id])).get(id)!;
  return { ...viewOf(row, counts, who), keys: await keysOf(db, id) };
}
