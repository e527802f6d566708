// Key actions on the audit record: who (from the session), from where (the request), what (the
// service account, the key and its name), the fields before → after and the reason. Never a secret:
// callers hand over names, ids and settings only, and the audit log itself refuses an `sk_…`.
import "server-only";
import type { AuditChanges, AuditEvent } from "@/lib/audit/types";
import { stepUpDetails } from "@/lib/auth/step-up";
import type { KeyAction, KeyActionContext } from "./types";

export function keyEvent(
  ctx: KeyActionContext,
  action: KeyAction,
  target: { serviceAccountId: string | null; keyId?: string | null; name?: string | null },
  changes: AuditChanges | null = null,
  reason: string | null = null,
): AuditEvent {
  return {
    action,
    actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
    requestId: ctx.info.requestId,
    target: { serviceAccountId: target.serviceAccountId, keyId: target.keyId ?? null, name: target.name ?? null },
    changes,
    reason,
    details: stepUpDetails(ctx.info),
  };
}
