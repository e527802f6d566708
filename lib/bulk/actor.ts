// Who a bulk change acts as: the person who started it, as they are now. Their role is read again
// when the job runs (and a change is refused for someone disabled or no longer allowed), just as a
// request checks its session's role each time; the per-key libs then check the role as they always do.
import "server-only";
import { eq } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { user } from "@/lib/db/schema";
import { isRole } from "@/lib/roles";
import type { BulkAction } from "./types";

/** The roles that may start (and whose changes may go on with) each action: as the per-key routes. */
export const ROLES_FOR: Record<BulkAction, readonly ("admin" | "support")[]> = {
  enable: ["admin", "support"],
  disable: ["admin", "support"],
  delete: ["admin"],
};

/** The person, or why they may no longer make this change. */
export async function actorNow(
  db: Db,
  id: string,
  action: BulkAction,
): Promise<{ actor: SessionUser } | { refused: string }> {
  const [row] = await db
    .select({ id: user.id, email: user.email, name: user.name, role: user.role, banned: user.banned })
    .from(user)
    .where(eq(user.id, id));
  if (!row || row.banned || !isRole(row.role))
    return { refused: "The person who started this change can no longer sign in; the key was left alone." };
  if (!(ROLES_FOR[action] as readonly string[]).includes(row.role))
    return {
      refused: `The person who started this change is now ${row.role} and may not ${action} keys; the key was left alone.`,
    };
  return { actor: { id: row.id, email: row.email, name: row.name, role: row.role } };
}
