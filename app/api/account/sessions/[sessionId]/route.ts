// Ending one of one's own sessions (the current one too: that signs this browser out).
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { endOwnSession } from "@/lib/auth/sessions";
import { sessionParamsSchema } from "@/lib/auth/account-schema";

export const DELETE = withRole(
  ROLES,
  { params: sessionParamsSchema, allowUnenrolled: true },
  async ({ user, info, params }) => endOwnSession(await database(), user, info, params.sessionId),
);
