// The signed-in person's active sessions (device, address, signed in, last use; never a token).
import { withRole } from "@/lib/api/with-role";
import { ROLES } from "@/lib/roles";
import { listSessions } from "@/lib/auth/sessions";
import { getDatabase } from "@/lib/db";

export const GET = withRole(ROLES, { allowUnenrolled: true }, async ({ user }) => ({ sessions: await listSessions((await getDatabase()).db, user.id, user.sessionId) }));
