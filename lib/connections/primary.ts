// The primary connection: the ElevenLabs workspace Keydesk had before connections existed
// (ELEVENLABS_API_KEY's `env-elevenlabs`, or demo mode's `demo-elevenlabs`). Its keys are read and
// written the way they always were (lib/keys, lib/inventory, lib/find-key), so the pages that cover
// every connection read it that way and leave it out of readAllConnections. Its routes and pages ask
// here, before any upstream call, whether the user's access includes it, so a user limited to other
// connections gets a 403 (its own pages: a plain sentence) and nothing is sent; the pages of every
// connection (overview, All keys, Find a key, the export) ask too, and leave it out.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { canUseConnection } from "./access";
import { PRIMARY_CONNECTION_IDS } from "@/lib/connection-ids";
import { primaryConnectionId } from "./environment";
import type { ConnectionDeps } from "./list";
import { NO_WORKSPACE_ACCESS } from "./messages";
import type { Connection } from "./types";

type Who = Pick<SessionUser, "id" | "role">;

export { NO_WORKSPACE_ACCESS };

export { PRIMARY_CONNECTION_IDS };

export async function primaryConnection(deps: Pick<ConnectionDeps, "fixed">): Promise<Connection | null> {
  return (await deps.fixed()).find((c) => PRIMARY_CONNECTION_IDS.includes(c.id)) ?? null;
}

/** May this user act on the primary connection's keys? */
export function canUsePrimaryConnection(user: Who, db?: Db): Promise<boolean> {
  return canUseConnection(user, primaryConnectionId(), db);
}

/** canUsePrimaryConnection, as a 403 for a handler. */
export async function assertCanUsePrimaryConnection(user: Who, db?: Db): Promise<void> {
  if (!(await canUsePrimaryConnection(user, db))) throw new ApiError("forbidden", NO_WORKSPACE_ACCESS);
}
