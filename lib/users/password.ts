// Resetting a user's password: nobody types it for them. Their password stops working, every
// session of theirs ends (whoever held the old password is signed out), and the admin gets a
// one-time link for the user to choose a new one. Only the fact is audited, never the link.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { account, session } from "@/lib/db/schema";
import { recordUserAction } from "./audit";
import { issueInvite, type IssuedInvite } from "./invites";
import { getUser } from "./list";
import type { UserActionContext, UserSummary } from "./types";

export async function sendPasswordLink(
  db: Db,
  ctx: UserActionContext,
  userId: string,
): Promise<IssuedInvite & { user: UserSummary }> {
  const target = await getUser(db, userId);
  const invite = await db.transaction(async (tx) => {
    await tx.delete(account).where(and(eq(account.userId, userId), eq(account.providerId, "credential")));
    await tx.delete(session).where(eq(session.userId, userId));
    return issueInvite(tx, userId, "reset", ctx.actor.id);
  });
  await recordUserAction(db, ctx, "user_password_reset", target, null);
  await recordUserAction(db, ctx, "user_invite_created", target, {
    purpose: { before: null, after: "reset" },
    expiresAt: { before: null, after: invite.expiresAt },
  });
  return { ...invite, user: target };
}
