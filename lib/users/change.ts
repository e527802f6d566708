// One change to one user, as PATCH /api/users/[userId] receives it (a new password is never one:
// see password.ts, which gives a link instead).
import "server-only";
import type { Db } from "@/lib/db";
import type { UserChange } from "./schema";
import { setDisabled } from "./disabled";
import { changeRole } from "./role";
import type { UserActionContext, UserSummary } from "./types";

export async function changeUser(
  db: Db,
  ctx: UserActionContext,
  userId: string,
  change: UserChange,
): Promise<UserSummary> {
  if ("role" in change) return changeRole(db, ctx, userId, change.role);
  return setDisabled(db, ctx, userId, change.disabled);
}
