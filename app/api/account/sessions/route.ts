// The signed-in person's active sessions (device, address, signed in, last use; never a token).
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { listSessions } from "@/lib/auth/sessions";

export const GET = withRole(ROLES, { allowUnenrolled: true }, async ({ user }) => ({
  sessions: await listSessions(await database(), user.id, user.sessionId),
}));
