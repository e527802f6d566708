// A Keydesk user as the users API and page see them: never a password hash or a session token.
import type { RequestInfo } from "@/lib/http/request-info";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/roles";

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  /** Null for a pending user (see `pending`), or a row made outside Keydesk without one of its roles. */
  role: Role | null;
  /** A single sign-on user waiting for an admin to give them a role. */
  pending: boolean;
  disabled: boolean;
  /** ISO 8601. */
  createdAt: string;
}

/** Who is making a change, and from where: for the last-admin rule and the audit log. */
export interface UserActionContext {
  actor: SessionUser;
  info: RequestInfo;
}
