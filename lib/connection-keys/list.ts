// A connection's keys as the page shows them, with what its provider can do and when it was read.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { connectionKeys, type ConnectionDeps } from "@/lib/connections";
import { providerCall } from "./provider-call";
import type { ConnectionKeysAnswer } from "./types";
import { connectionKeyView } from "./view";

export async function listConnectionKeys(
  deps: ConnectionDeps,
  user: Pick<SessionUser, "id" | "role">,
  connectionId: string,
): Promise<ConnectionKeysAnswer> {
  const { connection, capabilities, client } = await connectionKeys(deps, user, connectionId);
  const keys = await providerCall(() => client.list());
  return { connection, capabilities, keys: keys.map(connectionKeyView), readAt: new Date().toISOString() };
}
