// Single sign-on sign-ins on the audit record (who the provider said, how it went; never a token).
import "server-only";
import type { RequestInfo } from "@/lib/http/request-info";
import { appendAudit } from "@/lib/audit/append";
import { getDatabase } from "@/lib/db";
import { recordSignInFailure } from "@/lib/log/metrics";

interface SsoEvent {
  email: string | null;
  userId?: string;
  role?: string;
  outcome: "ok" | "error";
  errorCode?: string;
}

export async function recordSsoEvent(info: RequestInfo, event: SsoEvent): Promise<void> {
  if (event.outcome === "error") recordSignInFailure("sso", event.errorCode ?? "error");
  const { db } = await getDatabase();
  const base = {
    action: "sign_in_sso",
    requestId: info.requestId,
    ip: info.ip,
    userAgent: info.userAgent,
    actor: { userId: event.userId ?? null, email: event.email, role: event.role ?? null },
  };
  await appendAudit(
    db,
    event.outcome === "ok"
      ? { ...base, outcome: "ok" }
      : { ...base, outcome: "error", errorCode: event.errorCode ?? "error" },
  );
}
