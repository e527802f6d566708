// One change to one user, as PATCH /api/users/[userId] receives it.
import "server-only";
import type { Auth } from "@/lib/auth";
import type { Db } from "@/lib/db";
import type { UserChange } from "@/lib/schemas/users";
import { setDisabled } from "./disabled";
import { resetPassword } from "./password";
import { changeRole } from "./role";
import type { UserActionContext, UserSummary } from "./types";

export async function changeUser(auth: Auth, db: Db, ctx: UserActionContext, userId: string, change: UserChange): Promise<UserSummary> {
  if ("role" in change) return changeRole(db, ctx, userId, change.role);
  if ("disabled" in change) return setDisabled(db, ctx, userId, change.disabled);
  return resetPassword(auth, db, ctx, userId, change.password);
}
