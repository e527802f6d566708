// Who is asking: the signed-in, enabled Keydesk user behind a request's session cookie.
import "server-only";
import { getAuth } from "./index";
import { isRole, type Role } from "./roles";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Enrolled in two-factor sign-in (TOTP). */
  twoFactorEnabled?: boolean;
  /** The session this request came with (ending sessions, step-up). */
  sessionId?: string;
}

export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { user } = session;
  // A disabled (banned) user, or one without a Keydesk role, is nobody.
  if (user.banned || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, twoFactorEnabled: user.twoFactorEnabled === true, sessionId: session.session.id };
}
