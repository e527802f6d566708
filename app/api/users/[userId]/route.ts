// One change to one user: role, or disabled/enabled. Admins only.
import { withRole } from "@/lib/api/with-role";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { changesRole } from "@/lib/auth/step-up-policy";
import { getDatabase } from "@/lib/db";
import { userChangeSchema, userIdParamsSchema } from "@/lib/users/schema";
import { changeUser } from "@/lib/users";

export const PATCH = withRole(["admin"], { params: userIdParamsSchema, body: userChangeSchema }, async ({ user: actor, info: requestInfo, params, body }) => {
  const info = changesRole(body) ? await requireRecentSignIn({ user: actor, info: requestInfo }) : requestInfo;
  const { db } = await getDatabase();
  return { user: await changeUser(db, { actor, info }, params.userId, body) };
});
