// An admin signs a user out of every session. Admins only; audited.
import { withRole } from "@/lib/api/with-role";
import { endAllSessions } from "@/lib/auth/sessions";
import { getDatabase } from "@/lib/db";
import { userIdParamsSchema } from "@/lib/users/schema";

export const DELETE = withRole(["admin"], { params: userIdParamsSchema }, async ({ user, info, params }) => endAllSessions((await getDatabase()).db, user, info, params.userId));
