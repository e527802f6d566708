// Step-up through single sign-on, for people with no Keydesk password: the step-up dialog opens
// /account/confirm-sso in a popup, which starts the provider's sign-in with a return to
// /account/confirm-sso/done. When the provider sends the same person back, better-auth makes a new
// session (and its cookie replaces the old one in the whole browser). Here that new session is
// stamped as a re-verification (so the action's audit row says steppedUp, like a password step-up),
// the session it replaces is ended (its cookie is gone from the browser; left alone it would linger
// in the session list until it expired), and the re-verification is audited with method "sso".
import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import type { RequestInfo } from "@/lib/http/request-info";
import type { Db } from "@/lib/db";
import { session } from "@/lib/db/schema";
import { recordAccountEvent } from "./auth-events";
import type { SessionUser } from "./session";
import { markReauthenticated } from "./step-up";

/** Where the provider sends the person back after a step-up started from the dialog. */
export const STEP_UP_SSO_DONE_PATH = "/account/confirm-sso/done";

/** What the popup asks for when it starts the sign-in (POST /api/auth/sign-in/social). */
export const STEP_UP_SSO_PURPOSE = "step-up";

/** Did better-auth send the person to the step-up page (not the console, not an error)? */
export function returnsToStepUp(response: Response): boolean {
  const location = response.headers.get("location");
  if (!location) return false;
  const url = new URL(location, "http://keydesk.invalid");
  return url.pathname === STEP_UP_SSO_DONE_PATH && !url.searchParams.has("error");
}

/**
 * After a successful callback: when it was a step-up (the dialog's popup) by the person whose
 * session the browser had, the new session counts as re-verified and the old one ends. A
 * different person signing in at the provider is only a sign-in (the dialog notices and says so).
 */
export async function finishSsoStepUp(
  db: Db,
  info: RequestInfo,
  previous: SessionUser | null,
  signedInUserId: string,
  response: Response,
): Promise<void> {
  if (!previous?.sessionId || previous.id !== signedInUserId || !returnsToStepUp(response)) return;
  const [fresh] = await db
    .select({ id: session.id, createdAt: session.createdAt })
    .from(session)
    .where(and(eq(session.userId, signedInUserId), ne(session.id, previous.sessionId)))
    .orderBy(desc(session.createdAt))
    .limit(1);
  if (!fresh) return;
  // Strictly after the session's creation, so lastVerification() reads it as a re-verification.
  const at = new Date(Math.max(Date.now(), fresh.createdAt.getTime() + 1));
  await markReauthenticated(db, fresh.id, at);
  await db.delete(session).where(eq(session.id, previous.sessionId));
  await recordAccountEvent(
    "reauthenticated",
    info,
    previous,
    { outcome: "ok" },
    { db, details: { method: "sso", replacedSession: true } },
  );
}
