// Who is asking: the signed-in, enabled Keydesk user behind a request's session cookie.
import "server-only";
import { getDatabase } from "@/lib/db";
import { getAuth } from "./index";
import { createSessionCache, type AuthSession } from "./session-cache";
import { isPendingRole, isRole, type Role } from "@/lib/roles";

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

const SLOT = Symbol.for("keydesk.session-cache");
type Slot = { [SLOT]?: Promise<(headers: Headers) => Promise<AuthSession | null>> };

/** This process's session lookup: better-auth's, with its answers remembered (session-cache.ts). */
async function startSessionCache() {
  const [auth, { db }] = await Promise.all([getAuth(), getDatabase()]);
  const context = await auth.$context;
  return createSessionCache({
    db,
    lookup: (headers) => auth.api.getSession({ headers }),
    cookieName: context.authCookies.sessionToken.name,
    expiresInSeconds: context.sessionConfig.expiresIn,
    updateAgeSeconds: context.sessionConfig.updateAge,
  });
}

async function findSession(headers: Headers): Promise<AuthSession | null> {
  const slot = globalThis as Slot;
  slot[SLOT] ??= startSessionCache();
  slot[SLOT].catch(() => delete slot[SLOT]);
  return (await slot[SLOT])(headers);
}

export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await findSession(headers);
  if (!session) return null;
  const { user } = session;
  // A disabled (banned) user, or one without a Keydesk role, is nobody.
  if (user.banned || !isRole(user.role)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    twoFactorEnabled: (user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled === true,
    sessionId: session.session.id,
  };
}

/** A signed-in, enabled user still waiting for an admin to give them a role (single sign-on). */
export interface PendingUser {
  id: string;
  email: string;
  name: string;
}

/** The pending user behind a request's session, or null (nobody, disabled, or a user with a role). */
export async function getPendingUser(headers: Headers): Promise<PendingUser | null> {
  const session = await findSession(headers);
  if (!session || session.user.banned || !isPendingRole(session.user.role)) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name };
}
