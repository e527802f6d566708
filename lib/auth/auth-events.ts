// Sign-in and sign-out on the audit record (who, from where, and how it went; never a password).
import "server-only";
import type { RequestInfo } from "@/lib/api/request-info";
import { appendAudit } from "@/lib/audit/append";
import { getDatabase } from "@/lib/db";

interface AuthEvent {
  email: string | null;
  userId?: string;
  role?: string;
  outcome: "ok" | "error";
  errorCode?: string;
}

export async function recordAuthEvent(action: "sign_in" | "sign_out", info: RequestInfo, event: AuthEvent): Promise<void> {
  const { db } = await getDatabase();
  const base = {
    action,
    requestId: info.requestId,
    ip: info.ip,
    userAgent: info.userAgent,
    actor: { userId: event.userId ?? null, email: event.email, role: event.role ?? null },
  };
  await appendAudit(db, event.outcome === "ok" ? { ...base, outcome: "ok" } : { ...base, outcome: "error", errorCode: event.errorCode ?? "error" });
}
