// Issuing and using one-time password links. An admin never types anyone's password: adding a
// user or resetting one gives a link; its holder picks the password (under Keydesk's policy).
// A link works once, for 24 hours; a newer link for the same user replaces the older ones.
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { ApiError } from "@/lib/http/api-error";
import type { RequestInfo } from "@/lib/http/request-info";
import type { Auth } from "@/lib/auth";
import { passwordProblem } from "@/lib/auth/password-policy";
import type { Db } from "@/lib/db";
import { account, session, user, userInvite } from "@/lib/db/schema";
import { recordInviteUse, type InviteRefusal } from "./invite-audit";
import {
  INVITE_LIFETIME_MS,
  hashInviteToken,
  inviteState,
  isWellFormedToken,
  newInviteToken,
} from "./invite-token";
import type { Tx } from "./last-admin";

export type InvitePurpose = "new_user" | "reset";

/** What the admin is shown once: the token (for the link) and when it stops working. */
export interface IssuedInvite {
  token: string;
  /** ISO 8601. */
  expiresAt: string;
}

export async function issueInvite(
  tx: Db | Tx,
  userId: string,
  purpose: InvitePurpose,
  createdBy: string,
  now = new Date(),
): Promise<IssuedInvite> {
  const { token, tokenHash } = newInviteToken();
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  await tx.delete(userInvite).where(and(eq(userInvite.userId, userId), isNull(userInvite.usedAt)));
  await tx
    .insert(userInvite)
    .values({ id: crypto.randomUUID(), userId, tokenHash, purpose, createdBy, createdAt: now, expiresAt });
  return { token, expiresAt: expiresAt.toISOString() };
}

async function findInvite(db: Db | Tx, token: string, lock = false) {
  if (!isWellFormedToken(token)) return null;
  const query = db
    .select({
      id: userInvite.id,
      purpose: userInvite.purpose,
      usedAt: userInvite.usedAt,
      expiresAt: userInvite.expiresAt,
      userId: user.id,
      email: user.email,
      banned: user.banned,
    })
    .from(userInvite)
    .innerJoin(user, eq(user.id, userInvite.userId))
    .where(eq(userInvite.tokenHash, hashInviteToken(token)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

export type InviteLookup =
  | { state: "unknown" }
  | { state: "valid" | "used" | "expired" | "disabled"; email: string; purpose: InvitePurpose };

/** For the invite page: whether the link still works, and for whom (no side effects). */
export async function lookupInvite(db: Db, token: string, now = new Date()): Promise<InviteLookup> {
  const row = await findInvite(db, token);
  if (!row) return { state: "unknown" };
  const state = row.banned ? "disabled" : inviteState(row, now);
  return { state, email: row.email, purpose: row.purpose };
}

export const INVITE_REFUSALS: Record<InviteRefusal, string> = {
  unknown: "This link is not a valid Keydesk link. Ask an admin for a new one.",
  used: "This link has been used already. Ask an admin for a new one if you still need to set your password.",
  expired: "This link expired (links work for 24 hours). Ask an admin for a new one.",
  disabled: "This account is disabled. Ask an admin.",
  password_sign_in_off: "Password sign-in is switched off: sign in with single sign-on instead.",
};

function refused(refusal: InviteRefusal): ApiError {
  return new ApiError(refusal === "unknown" ? "not_found" : "conflict", INVITE_REFUSALS[refusal]);
}

/**
 * Sets the password of the link's user, and uses the link up, in one transaction: two requests
 * with the same link cannot both succeed. Their sessions end (a reset means the old password
 * may be known to someone else).
 */
export async function acceptInvite(
  auth: Auth,
  db: Db,
  info: RequestInfo,
  token: string,
  password: string,
  now = new Date(),
): Promise<{ email: string }> {
  const peek = await findInvite(db, token);
  if (!peek) {
    await recordInviteUse(db, info, null, "unknown");
    throw refused("unknown");
  }
  const target = { id: peek.userId, email: peek.email };
  const problem = passwordProblem(password, peek.email);
  if (problem) {
    const message = `The password ${problem}.`;
    throw new ApiError("validation_failed", `password: ${message}`, {
      fields: [{ path: ["password"], message }],
    });
  }
  const hash = await (await auth.$context).password.hash(password);
  const refusal = await db.transaction(async (tx): Promise<InviteRefusal | null> => {
    const row = await findInvite(tx, token, true);
    if (!row) return "unknown";
    if (row.banned) return "disabled";
    const state = inviteState(row, now);
    if (state !== "valid") return state;
    await tx.update(userInvite).set({ usedAt: now }).where(eq(userInvite.id, row.id));
    const updated = await tx
      .update(account)
      .set({ password: hash, updatedAt: now })
      .where(and(eq(account.userId, row.userId), eq(account.providerId, "credential")))
      .returning({ id: account.id });
    if (updated.length === 0) {
      await tx.insert(account).values({
        id: crypto.randomUUID(),
        accountId: row.userId,
        providerId: "credential",
        userId: row.userId,
        password: hash,
      });
    }
    await tx.delete(session).where(eq(session.userId, row.userId));
    return null;
  });
  await recordInviteUse(db, info, target, refusal ?? undefined);
  if (refusal) throw refused(refusal);
  return { email: peek.email };
}
