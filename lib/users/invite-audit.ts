// Invites on the audit record: made (by an admin, through recordUserAction), used and refused (by
// whoever holds the link). Never the token and never the password: only who, which user, and why.
import "server-only";
import type { RequestInfo } from "@/lib/http/request-info";
import { appendAudit } from "@/lib/audit/append";
import type { Db } from "@/lib/db";

export type InviteRefusal = "unknown" | "used" | "expired" | "disabled" | "password_sign_in_off";

export async function recordInviteUse(
  db: Db,
  info: RequestInfo,
  target: { id: string; email: string } | null,
  refusal?: InviteRefusal,
): Promise<void> {
  const event = {
    action: refusal ? "user_invite_refused" : "user_invite_used",
    // The person holding the link is (or claims to be) the invited user.
    actor: { userId: target?.id ?? null, email: target?.email ?? null, role: null },
    ip: info.ip,
    userAgent: info.userAgent,
    requestId: info.requestId,
    target: target ? { userId: target.id, name: target.email } : undefined,
  };
  await appendAudit(
    db,
    refusal ? { ...event, outcome: "error", errorCode: refusal } : { ...event, outcome: "ok" },
  );
}
