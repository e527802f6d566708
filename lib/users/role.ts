// Changing a user's role. It takes effect on their next request (sessions are read from the
// database every time), so their sessions stay. Giving a pending user their first role is its own
// audit action (user_role_given), from "pending".
import "server-only";
import { eq } from "drizzle-orm";
import type { Role } from "@/lib/roles";
import type { Db } from "@/lib/db";
import { user } from "@/lib/db/schema";
import { recordUserAction } from "./audit";
import { assertAnotherEnabledAdmin, LastAdminError, lockUserChanges } from "./last-admin";
import { getUser } from "./list";
import type { UserActionContext, UserSummary } from "./types";

export async function changeRole(
  db: Db,
  ctx: UserActionContext,
  userId: string,
  role: Role,
): Promise<UserSummary> {
  let before = await getUser(db, userId);
  if (before.role === role) return before;
  try {
    before = await db.transaction(async (tx) => {
      await lockUserChanges(tx);
      const current = await getUser(tx, userId); // as it is under the lock
      if (current.role === "admin" && !current.disabled)
        await assertAnotherEnabledAdmin(tx, userId, "demote");
      await tx.update(user).set({ role, updatedAt: new Date() }).where(eq(user.id, userId));
      return current;
    });
  } catch (error) {
    if (error instanceof LastAdminError)
      await recordUserAction(
        db,
        ctx,
        "user_role_changed",
        before,
        { role: { before: before.role, after: role } },
        "last_admin",
      );
    throw error;
  }
  if (before.pending)
    await recordUserAction(db, ctx, "user_role_given", before, { role: { before: "pending", after: role } });
  else if (before.role !== role)
    await recordUserAction(db, ctx, "user_role_changed", before, {
      role: { before: before.role, after: role },
    });
  return getUser(db, userId);
}
