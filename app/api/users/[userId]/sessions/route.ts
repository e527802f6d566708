// An admin signs a user out of every session. Admins only; audited.
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { endAllSessions } from "@/lib/auth/sessions";
import { userIdParamsSchema } from "@/lib/users/schema";

export const DELETE = withRole(["admin"], { params: userIdParamsSchema }, async ({ user, info, params }) =>
  endAllSessions(await database(), user, info, params.userId),
);
