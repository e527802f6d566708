// The primary connection: the ElevenLabs workspace today's service-account, inventory and find-key
// routes and pages act on (ELEVENLABS_API_KEY's `env-elevenlabs`, or demo mode's `demo-elevenlabs`).
// Those routes and pages ask here, before any upstream call, whether the user's access includes it,
// so a user limited to other connections gets a 403 (a page: a plain sentence) and nothing is sent.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { canUseConnection } from "./access";
import { primaryConnectionId } from "./environment";
import { NO_WORKSPACE_ACCESS } from "./messages";

type Who = Pick<SessionUser, "id" | "role">;

export { NO_WORKSPACE_ACCESS };

/** May this user act on the primary connection's keys? */
export function canUsePrimaryConnection(user: Who, db?: Db): Promise<boolean> {
  return canUseConnection(user, primaryConnectionId(), db);
}

/** canUsePrimaryConnection, as a 403 for a handler. */
export async function assertCanUsePrimaryConnection(user: Who, db?: Db): Promise<void> {
  if (!(await canUsePrimaryConnection(user, db))) throw new ApiError("forbidden", NO_WORKSPACE_ACCESS);
}
