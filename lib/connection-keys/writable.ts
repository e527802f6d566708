// The connection a write acts on. The primary ElevenLabs workspace is refused here: its keys are
// changed through lib/keys (the Service accounts pages and /api/service-accounts), which records
// Keydesk's own changes for outside-change detection and pairs rotations. A write through this
// generic path would come back on the next read as a change made outside Keydesk.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { connectionKeys, type ConnectionDeps, type ConnectionKeys } from "@/lib/connections";
import { PRIMARY_CONNECTION_IDS } from "@/lib/connections/primary";
import { ApiError } from "@/lib/http/api-error";

export const PRIMARY_WRITE_REFUSAL =
  "This workspace's keys are changed on its Service accounts pages (/service-accounts), where Keydesk also tracks outside changes and rotations.";

export async function connectionKeysToWrite(
  deps: ConnectionDeps,
  user: Pick<SessionUser, "id" | "role">,
  connectionId: string,
): Promise<ConnectionKeys> {
  const opened = await connectionKeys(deps, user, connectionId);
  if (PRIMARY_CONNECTION_IDS.includes(opened.connection.id))
    throw new ApiError("conflict", PRIMARY_WRITE_REFUSAL);
  return opened;
}
