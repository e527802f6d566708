// One connection's keys, for the handlers and features that act on them: the connection found (a
// 404 when there is none), the user's access to it checked (a 403: every handler that touches a
// connection's keys goes through here), and the provider's key client for it. The credential is
// decrypted here, handed to the adapter and nowhere else.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { getProvider, type KeyClient, type ProviderCapabilities } from "@/lib/providers";
import { assertCanUseConnection } from "./access";
import { findConnection, type ConnectionDeps } from "./list";
import type { Connection, ConnectionView } from "./types";
import { connectionView } from "./view";

export interface ConnectionKeys {
  connection: ConnectionView;
  capabilities: ProviderCapabilities;
  client: KeyClient;
}

/** The key client of a connection already found (and already checked for this user). */
export async function keyClientOf(connection: Connection): Promise<ConnectionKeys> {
  const provider = getProvider(connection.provider);
  const client = provider.connect({
    baseUrl: connection.baseUrl,
    credential: await connection.credential(),
    timeoutMs: env().ELEVENLABS_TIMEOUT_MS,
  });
  return { connection: connectionView(connection), capabilities: provider.capabilities, client };
}

/** The connection `connectionId`'s keys, for `user`: a 404 when there is no such connection, a 403 when their access does not include it. */
export async function connectionKeys(
  deps: ConnectionDeps,
  user: Pick<SessionUser, "id" | "role">,
  connectionId: string,
): Promise<ConnectionKeys> {
  const connection = await findConnection(deps, connectionId);
  if (!connection) throw new ApiError("not_found", "There is no such connection.");
  await assertCanUseConnection(user, connection.id, deps.db);
  return keyClientOf(connection);
}
