// The changes made outside Keydesk that a watch run noticed, as `outside_change` alerts: one per
// audit row the run's read wrote (lib/observed writes them; the run's rows carry its request id).
// Only rows written by this try are told about: a try that died after writing them and before
// telling loses those alerts rather than telling them twice (the audit rows are there either way).
import "server-only";
import { and, eq, gt, max } from "drizzle-orm";
import type { AlertEvent } from "@/lib/alerts/events";
import { jobRequestId } from "@/lib/audit/job-actor";
import type { Db } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { OBSERVED_CHANGE } from "@/lib/observed";

/** The newest audit row's id now: rows written after it are this try's. */
export async function lastAuditId(db: Db): Promise<number> {
  const [row] = await db.select({ id: max(auditLog.id) }).from(auditLog);
  return row?.id ?? 0;
}

type Presence = { before?: unknown; after?: unknown } | undefined;

function whatHappened(changes: unknown): string {
  const presence = (changes as { presence?: Presence } | null)?.presence;
  if (presence?.before === "absent") return "was created";
  if (presence?.after === "absent") return "was deleted";
  return "was changed";
}

export async function outsideChangeAlerts(db: Db, runId: string, afterId: number): Promise<AlertEvent[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.requestId, jobRequestId(runId)),
        eq(auditLog.action, OBSERVED_CHANGE),
        gt(auditLog.id, afterId),
      ),
    )
    .orderBy(auditLog.id);
  return rows.map((row) => ({
    kind: "outside_change",
    severity: "warning",
    title: `Key ${row.targetName ? `“${row.targetName}”` : (row.keyId ?? "")} ${whatHappened(row.changes)} outside Keydesk`,
    body: `Seen by the watch job on connection ${row.connectionId ?? "primary"}; the audit log has the details (row ${row.id}).`,
    target: {
      connectionId: row.connectionId ?? undefined,
      group: row.serviceAccountId,
      keyId: row.keyId ?? undefined,
      name: row.targetName ?? undefined,
    },
    at: new Date().toISOString(),
  }));
}
