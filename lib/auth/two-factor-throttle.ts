// Wrong passwords and codes given while signed in (re-verifying for a dangerous action, turning
// two-factor off, replacing recovery codes) are counted per person from the audit log, as failed sign-ins are: after 5 in
// 15 minutes, the next try waits. better-auth locks only the sign-in step itself.
import "server-only";
import { and, eq, gt, inArray } from "drizzle-orm";
import { ApiError } from "@/lib/http/api-error";
import type { Db } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import type { AccountAction } from "./auth-events";

export const MAX_ACCOUNT_FAILURES = 5;
export const ACCOUNT_WINDOW_MINUTES = 15;
const COUNTED = ["wrong_password", "invalid_code"];

/** Every place a signed-in person types their password or a code. */
export const PASSWORD_CHECKS: AccountAction[] = [
  "reauthenticated",
  "two_factor_enabled",
  "two_factor_disabled",
  "recovery_codes_replaced",
];

export async function assertNotThrottled(
  db: Db,
  userId: string,
  actions: AccountAction[] = PASSWORD_CHECKS,
  now = Date.now(),
): Promise<void> {
  const since = new Date(now - ACCOUNT_WINDOW_MINUTES * 60_000).toISOString();
  const failures = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        inArray(auditLog.action, actions),
        eq(auditLog.actorUserId, userId),
        eq(auditLog.outcome, "error"),
        inArray(auditLog.errorCode, COUNTED),
        gt(auditLog.at, since),
      ),
    )
    .limit(MAX_ACCOUNT_FAILURES);
  if (failures.length >= MAX_ACCOUNT_FAILURES) {
    throw new ApiError(
      "rate_limited",
      `Too many wrong passwords or codes. Try again in ${ACCOUNT_WINDOW_MINUTES} minutes.`,
      {
        retryAfterSeconds: ACCOUNT_WINDOW_MINUTES * 60,
        headers: { "retry-after": String(ACCOUNT_WINDOW_MINUTES * 60) },
      },
    );
  }
}
