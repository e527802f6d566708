// Failed sign-ins per account, counted from the audit log (so every instance sees the same count,
// and an attacker cannot reset it by changing address). After too many failures since the last
// success, sign-in for that email pauses until the window has passed.
import "server-only";
import { and, desc, eq, gt, ne } from "drizzle-orm";
import { toIsoAt } from "@/lib/audit/at";
import type { Db } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

/** Seconds to wait before this email may try again, or 0 when it may try now. */
export async function signInPause(db: Db, email: string, now = Date.now()): Promise<number> {
  const windowStart = new Date(now - WINDOW_MINUTES * 60_000).toISOString();
  const [lastOk] = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.action, "sign_in"), eq(auditLog.actorEmail, email), eq(auditLog.outcome, "ok")))
    .orderBy(desc(auditLog.id))
    .limit(1);
  // Times come back in PostgreSQL's own text format; toIsoAt reads either driver's spelling.
  const lastOkAt = lastOk ? toIsoAt(lastOk.at) : null;
  const since = lastOkAt && Date.parse(lastOkAt) > Date.parse(windowStart) ? lastOkAt : windowStart;
  const failures = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "sign_in"),
        eq(auditLog.actorEmail, email),
        eq(auditLog.outcome, "error"),
        ne(auditLog.errorCode, "rate_limited"),
        gt(auditLog.at, since),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(MAX_FAILURES);
  if (failures.length < MAX_FAILURES) return 0;
  const oldest = Date.parse(toIsoAt(failures.at(-1)!.at));
  return Math.max(1, Math.ceil((oldest + WINDOW_MINUTES * 60_000 - now) / 1000));
}

