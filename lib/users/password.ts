// Setting a new password for a user. Hashed with better-auth's own hasher (so sign-in can check
// it), stored on their password account, and every session of theirs ends: whoever held the old
// password is signed out. Only the fact of the reset is audited, never the password.
import "server-only";
import { and, eq } from "drizzle-orm";
import { ApiError } from "@/lib/api/errors";
import type { Auth } from "@/lib/auth";
import { passwordProblem } from "@/lib/auth/password-policy";
import type { Db } from "@/lib/db";
import { account, session } from "@/lib/db/schema";
import { recordUserAction } from "./audit";
import { getUser } from "./list";
import type { UserActionContext, UserSummary } from "./types";

export async function resetPassword(auth: Auth, db: Db, ctx: UserActionContext, userId: string, password: string): Promise<UserSummary> {
  const target = await getUser(db, userId);
  const problem = passwordProblem(password, target.email);
  if (problem) {
    const message = `The password ${problem}.`;
    throw new ApiError("validation_failed", `password: ${message}`, { fields: [{ path: ["password"], message }] });
  }
  const hash = await (await auth.$context).password.hash(password);
  await db.transaction(async (tx) => {
    const now = new Date();
    const updated = await tx
      .update(account)
      .set({ password: hash, updatedAt: now })
      .where(and(eq(account.userId, userId), eq(account.providerId, "credential")))
      .returning({ id: account.id });
    if (updated.length === 0) {
      // A user made without a password (not through Keydesk) gets a password account now.
      await tx.insert(account).values({ id: crypto.randomUUID(), accountId: userId, providerId: "credential", userId, password: hash });
    }
    await tx.delete(session).where(eq(session.userId, userId));
  });
  await recordUserAction(db, ctx, "user_password_reset", target, null);
  return target;
}
