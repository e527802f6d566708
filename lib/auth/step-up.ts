// Step-up: the dangerous actions (deleting a key, granting "all", bulk changes, role changes, full
// exports) need a sign-in within the last few minutes (KEYDESK_STEP_UP_SECONDS, 5 by default).
// Otherwise the answer is a 403 `reauth_required`; the page then asks for the password (and a code
// when enrolled), POSTs it to /api/account/step-up, which stamps the session, and repeats the action.
// A person without a password confirms through the SSO provider instead (step-up-sso.ts).
import "server-only";
import { eq } from "drizzle-orm";
import { ApiError } from "@/lib/http/api-error";
import type { RequestInfo } from "@/lib/http/request-info";
import { getDatabase, type Db } from "@/lib/db";
import { session } from "@/lib/db/schema";
import { env } from "@/lib/env";
import type { SessionUser } from "./session";
import { stepUpMethods, type StepUpMethods } from "./step-up-methods";
import { isRecent, lastVerification, type SessionFreshness } from "./step-up-window";

export async function sessionFreshness(db: Db, sessionId: string): Promise<SessionFreshness | null> {
  const [row] = await db
    .select({ createdAt: session.createdAt, reauthenticatedAt: session.reauthenticatedAt })
    .from(session)
    .where(eq(session.id, sessionId))
    .limit(1);
  return row ?? null;
}

/** The step-up state of the person's session, for the page (is a dialog needed before a download?). */
export async function stepUpStatus(user: SessionUser): Promise<
  {
    userId: string;
    recent: boolean;
    verifiedAt: string | null;
    windowSeconds: number;
    twoFactorEnabled: boolean;
  } & StepUpMethods
> {
  const windowSeconds = env().KEYDESK_STEP_UP_SECONDS;
  const { db } = await getDatabase();
  const fresh = user.sessionId ? await sessionFreshness(db, user.sessionId) : null;
  return {
    // Who asked: after a confirmation through the provider, the dialog checks it is still the same person.
    userId: user.id,
    recent: fresh ? isRecent(fresh, windowSeconds) : false,
    verifiedAt: fresh ? lastVerification(fresh).at.toISOString() : null,
    windowSeconds,
    twoFactorEnabled: user.twoFactorEnabled === true,
    ...(await stepUpMethods(db, env(), user.id)),
  };
}

/**
 * Refuses with 403 `reauth_required` unless the session's sign-in (or re-verification) is recent.
 * Returns the request info with how recent it was, so the action's audit row records it.
 */
export async function requireRecentSignIn(
  ctx: { user: SessionUser; info: RequestInfo },
  windowSeconds = env().KEYDESK_STEP_UP_SECONDS,
): Promise<RequestInfo> {
  const { db } = await getDatabase();
  const fresh = ctx.user.sessionId ? await sessionFreshness(db, ctx.user.sessionId) : null;
  if (!fresh || !isRecent(fresh, windowSeconds)) {
    const minutes = Math.round(windowSeconds / 60);
    const within = minutes >= 1 ? `${minutes} minute${minutes === 1 ? "" : "s"}` : `${windowSeconds} seconds`;
    throw new ApiError(
      "reauth_required",
      `This needs a sign-in within the last ${within}. Confirm your password (and code) to continue.`,
    );
  }
  const last = lastVerification(fresh);
  return { ...ctx.info, stepUp: { steppedUp: last.steppedUp, verifiedAt: last.at.toISOString() } };
}

/** The audit `details` of a request that passed requireRecentSignIn (null for the others). */
export function stepUpDetails(info: RequestInfo): Record<string, unknown> | null {
  return info.stepUp
    ? { recentSignIn: true, steppedUp: info.stepUp.steppedUp, verifiedAt: info.stepUp.verifiedAt }
    : null;
}

/** Stamps the session as re-verified now (after the password, and the code when enrolled, were checked). */
export async function markReauthenticated(db: Db, sessionId: string, at: Date = new Date()): Promise<void> {
  await db.update(session).set({ reauthenticatedAt: at }).where(eq(session.id, sessionId));
}
