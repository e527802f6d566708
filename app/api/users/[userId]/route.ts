// One change to one user: role, or disabled/enabled. Admins only.
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { changesRole } from "@/lib/auth/step-up-policy";
import { userChangeSchema, userIdParamsSchema } from "@/lib/users/schema";
import { changeUser } from "@/lib/users";

export const PATCH = withRole(
  ["admin"],
  { params: userIdParamsSchema, body: userChangeSchema },
  async ({ user: actor, info: requestInfo, params, body }) => {
    const info = changesRole(body)
      ? await requireRecentSignIn({ user: actor, info: requestInfo })
      : requestInfo;
    const db = await database();
    return { user: await changeUser(db, { actor, info }, params.userId, body) };
  },
);
