// The connections' names by id, for the audit log's connection column and filter. Listing the
// connections must never take the audit log down with it (a connections file that went bad, a
// database hiccup): then the rows show their connection ids, and the reason is logged once a call.
import "server-only";
import type { ConnectionNames } from "@/lib/audit/connection-label";
import { logger } from "@/lib/log/logger";
import { listConnections, type ConnectionDeps } from "./list";

export async function connectionNames(deps: ConnectionDeps): Promise<ConnectionNames> {
  try {
    const connections = await listConnections(deps);
    return Object.fromEntries(connections.map((c) => [c.id, c.name]));
  } catch (error) {
    logger.warn(
      `Keydesk could not list the connections for the audit log, so it shows their ids: ${error instanceof Error ? error.message : String(error)}`,
    );
    return {};
  }
}
