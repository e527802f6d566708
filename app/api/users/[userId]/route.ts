// One change to one user: role, or disabled/enabled. Admins only.
import { withRole } from "@/lib/api/with-role";
import { getDatabase } from "@/lib/db";
import { userChangeSchema, userIdParamsSchema } from "@/lib/schemas/users";
import { changeUser } from "@/lib/users";

export const PATCH = withRole(["admin"], { params: userIdParamsSchema, body: userChangeSchema }, async ({ user: actor, info, params, body }) => {
  const { db } = await getDatabase();
  return { user: await changeUser(db, { actor, info }, params.userId, body) };
});
