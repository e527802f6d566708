// Disabling and enabling a user. Disabling marks them banned (better-auth then refuses them new
// sessions) and deletes their sessions in the same transaction, so they are signed out at once.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { session, user } from "@/lib/db/schema";
import { recordUserAction } from "./audit";
import { assertAnotherEnabledAdmin, LastAdminError, lockUserChanges } from "./last-admin";
import { getUser } from "./list";
import type { UserActionContext, UserSummary } from "./types";

export async function setDisabled(
  db: Db,
  ctx: UserActionContext,
  userId: string,
  disabled: boolean,
): Promise<UserSummary> {
  const before = await getUser(db, userId);
  if (before.disabled === disabled) return before;
  const action = disabled ? "user_disabled" : "user_enabled";
  const changes = { disabled: { before: before.disabled, after: disabled } };
  try {
    await db.transaction(async (tx) => {
      await lockUserChanges(tx);
      const current = await getUser(tx, userId);
      if (disabled && current.role === "admin") await assertAnotherEnabledAdmin(tx, userId, "disable");
      await tx
        .update(user)
        .set({
          banned: disabled,
          banReason: disabled ? "Disabled by a Keydesk admin" : null,
          banExpires: null,
          updatedAt: new Date(),
        })
        .where(eq(user.id, userId));
      if (disabled) await tx.delete(session).where(eq(session.userId, userId));
    });
  } catch (error) {
    if (error instanceof LastAdminError)
      await recordUserAction(db, ctx, action, before, changes, "last_admin");
    throw error;
  }
  await recordUserAction(db, ctx, action, before, changes);
  return getUser(db, userId);
}
