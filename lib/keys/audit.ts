// Key actions on the audit record: who (from the session), from where (the request), what (the
// service account, the key and its name), the fields before → after and the reason. Never a secret:
// callers hand over names, ids and settings only, and the audit log itself refuses an `sk_…`.
import "server-only";
import type { AuditChanges, AuditEvent } from "@/lib/audit/types";
import { stepUpDetails } from "@/lib/auth/step-up";
import { redactSecrets } from "@/lib/text/secret-pattern";
import type { KeyAction } from "@/lib/audit/actions";
import { primaryConnectionId } from "@/lib/elevenlabs/connection-id";
import type { KeyActionContext } from "./types";

/** Names come from ElevenLabs too, where anyone may have pasted a secret into one: recorded
 * redacted, so editing or deleting such a key works and the audit log still never holds a secret. */
function redactNames(changes: AuditChanges | null): AuditChanges | null {
  if (!changes?.name) return changes;
  const redact = (v: unknown) => (typeof v === "string" ? redactSecrets(v) : v);
  return { ...changes, name: { before: redact(changes.name.before), after: redact(changes.name.after) } };
}

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
    target: {
      // Today's key actions all act on the primary connection (getUpstream's workspace).
      connectionId: primaryConnectionId(),
      serviceAccountId: target.serviceAccountId,
      keyId: target.keyId ?? null,
      name: target.name == null ? null : redactSecrets(target.name),
    },
    changes: redactNames(changes),
    reason,
    details: stepUpDetails(ctx.info),
  };
}
