// Sign-in and sign-out on the audit record (who, from where, and how it went; never a password).
import "server-only";
import type { RequestInfo } from "@/lib/http/request-info";
import { appendAudit } from "@/lib/audit/append";
import { getDatabase, type Db } from "@/lib/db";
import { recordSignInFailure } from "@/lib/log/metrics";

interface AuthEvent {
  email: string | null;
  userId?: string;
  role?: string;
  outcome: "ok" | "error";
  errorCode?: string;
  /** E.g. `{ secondFactor: "totp" }` for a two-factor sign-in. */
  details?: Record<string, unknown>;
}

export async function recordAuthEvent(
  action: "sign_in" | "sign_out",
  info: RequestInfo,
  event: AuthEvent,
): Promise<void> {
  // Every refused password sign-in (a second factor's too) passes here: counted by reason.
  if (action === "sign_in" && event.outcome === "error")
    recordSignInFailure("password", event.errorCode ?? "error");
  const { db } = await getDatabase();
  const base = {
    action,
    requestId: info.requestId,
    ip: info.ip,
    userAgent: info.userAgent,
    actor: { userId: event.userId ?? null, email: event.email, role: event.role ?? null },
    details: event.details ?? null,
  };
  await appendAudit(
    db,
    event.outcome === "ok"
      ? { ...base, outcome: "ok" }
      : { ...base, outcome: "error", errorCode: event.errorCode ?? "error" },
  );
}

/** The person's own account changes: two-factor on or off, new recovery codes, a re-verification, ending sessions. Never a secret or a code. */
export type AccountAction =
  | "two_factor_enabled"
  | "two_factor_disabled"
  | "recovery_codes_replaced"
  | "reauthenticated"
  | "session_ended"
  | "user_sessions_ended";

export async function recordAccountEvent(
  action: AccountAction,
  info: RequestInfo,
  actor: { id: string; email: string; role: string },
  result: { outcome: "ok" } | { outcome: "error"; errorCode: string },
  extra: { target?: { userId: string; name: string }; details?: Record<string, unknown>; db?: Db } = {},
): Promise<void> {
  const db = extra.db ?? (await getDatabase()).db;
  const base = {
    action,
    requestId: info.requestId,
    ip: info.ip,
    userAgent: info.userAgent,
    actor: { userId: actor.id, email: actor.email, role: actor.role },
    target: extra.target ? { userId: extra.target.userId, name: extra.target.name } : undefined,
    details: extra.details ?? null,
  };
  await appendAudit(
    db,
    result.outcome === "ok"
      ? { ...base, outcome: "ok" }
      : { ...base, outcome: "error", errorCode: result.errorCode },
  );
}
