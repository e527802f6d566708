// A connection's keys as the page shows them, with what its provider can do, the groups a key can
// be made in, which keys may be Keydesk's own credential for it, and when it was read.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { connectionKeys, type ConnectionDeps } from "@/lib/connections";
import { observeConnectionOrWarn } from "@/lib/observed";
import { mayBeConnectionCredential } from "./own-credential";
import { providerCall } from "./provider-call";
import type { ConnectionKeysAnswer } from "./types";
import { connectionKeyView } from "./view";

export async function listConnectionKeys(
  deps: ConnectionDeps,
  user: Pick<SessionUser, "id" | "role">,
  connectionId: string,
): Promise<ConnectionKeysAnswer> {
  const { connection, capabilities, client } = await connectionKeys(deps, user, connectionId);
  const readStartedAt = Date.now();
  // Both at once: where they are the same upstream read (ElevenLabs), they are one call.
  const [keys, groups] = await providerCall(() =>
    Promise.all([client.list(), capabilities.groups && client.groups ? client.groups() : null]),
  );
  // Compared with the connection's last read: what changed outside Keydesk goes on the audit log.
  await observeConnectionOrWarn(deps.db, { id: connection.id, capabilities }, keys, { readStartedAt });
  return {
    connection,
    capabilities,
    keys: keys.map((key) => ({
      ...connectionKeyView(key),
      mayBeConnectionCredential: mayBeConnectionCredential(key, connection.credentialHint),
    })),
    groups,
    readAt: new Date().toISOString(),
  };
}
