// Connection changes on the audit record: who, from where, which connection (its name as the
// target, its id, provider and base URL in the details), the fields before → after, the outcome
// with the upstream's request id when a live check failed. Never the credential, not even its last
// four characters: a new credential is recorded only as having been set.
import "server-only";
import { appendAudit } from "@/lib/audit/append";
import type { AuditChanges, AuditOutcome } from "@/lib/audit/types";
import type { Db } from "@/lib/db";
import type { ConnectionActionContext, ConnectionView } from "./types";

export type ConnectionAction =
  | "connection_created"
  | "connection_tested"
  | "connection_renamed"
  | "connection_removed"
  | "user_connections_changed";

export async function recordConnectionAction(
  db: Db,
  ctx: ConnectionActionContext,
  action: ConnectionAction,
  target: Pick<ConnectionView, "id" | "name" | "provider" | "baseUrl">,
  changes: AuditChanges | null,
  outcome: AuditOutcome,
): Promise<void> {
  await appendAudit(db, {
    action,
    actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
    requestId: ctx.info.requestId,
    target: { name: target.name },
    changes,
    details: { connectionId: target.id, provider: target.provider, baseUrl: target.baseUrl },
    ...outcome,
  });
}
