// User changes on the audit record: the admin who acted, the user (id and email), the fields
// before and after. A password is never among the changes: a reset records only that it happened,
// and an invite only that it was made (never its link).
import "server-only";
import { appendAudit } from "@/lib/audit/append";
import type { AuditChanges } from "@/lib/audit/types";
import type { Db } from "@/lib/db";
import { stepUpDetails } from "@/lib/auth/step-up";
import type { UserActionContext } from "./types";

export type UserAction =
  | "user_created"
  | "user_role_changed"
  | "user_role_given"
  | "user_disabled"
  | "user_enabled"
  | "user_password_reset"
  | "user_invite_created";

export async function recordUserAction(
  db: Db,
  ctx: UserActionContext,
  action: UserAction,
  target: { id: string; email: string },
  changes: AuditChanges | null,
  errorCode?: string,
): Promise<void> {
  const event = {
    action,
    actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
    requestId: ctx.info.requestId,
    target: { userId: target.id, name: target.email },
    changes,
    details: stepUpDetails(ctx.info),
  };
  await appendAudit(db, errorCode ? { ...event, outcome: "error", errorCode } : { ...event, outcome: "ok" });
}
