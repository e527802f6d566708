// One change to one user: role, disabled/enabled, or a new password. Admins only.
import { withRole } from "@/lib/api/with-role";
import { getAuth } from "@/lib/auth";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { changesRole } from "@/lib/auth/step-up-policy";
import { getDatabase } from "@/lib/db";
import { userChangeSchema, userIdParamsSchema } from "@/lib/schemas/users";
import { changeUser } from "@/lib/users";

export const PATCH = withRole(["admin"], { params: userIdParamsSchema, body: userChangeSchema }, async ({ user: actor, info: requestInfo, params, body }) => {
  const info = changesRole(body) ? await requireRecentSignIn({ user: actor, info: requestInfo }) : requestInfo;
  const [{ db }, auth] = await Promise.all([getDatabase(), getAuth()]);
  return { user: await changeUser(auth, db, { actor, info }, params.userId, body) };
});
