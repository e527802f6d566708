// A connection's key actions on the audit record: who, from where, which connection and key (its
// name, its group as the service account), the fields before → after, the reason and the provider.
// Never a secret: callers hand over names, ids and settings only; names come from the upstream,
// where anyone may have pasted a secret into one, so they are recorded redacted.
import "server-only";
import type { KeyAction } from "@/lib/audit/actions";
import type { AuditChanges, AuditEvent } from "@/lib/audit/types";
import { stepUpDetails } from "@/lib/auth/step-up";
import type { ConnectionActionContext, ConnectionView } from "@/lib/connections/types";
import { redactSecrets } from "@/lib/text/secret-pattern";

export interface KeyTarget {
  connection: Pick<ConnectionView, "id" | "provider">;
  keyId: string | null;
  name: string | null;
  groupId: string | null;
}

const redact = (v: unknown) => (typeof v === "string" ? redactSecrets(v) : v);

export function connectionKeyEvent(
  ctx: ConnectionActionContext,
  action: KeyAction,
  target: KeyTarget,
  changes: AuditChanges | null,
  reason: string | null,
): AuditEvent {
  const named = changes?.name
    ? { ...changes, name: { before: redact(changes.name.before), after: redact(changes.name.after) } }
    : changes;
  return {
    action,
    actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
    requestId: ctx.info.requestId,
    target: {
      connectionId: target.connection.id,
      serviceAccountId: target.groupId,
      keyId: target.keyId,
      name: target.name === null ? null : redactSecrets(target.name),
    },
    changes: named,
    reason,
    details: { provider: target.connection.provider, ...stepUpDetails(ctx.info) },
  };
}
