// Another connection's space in the snapshot tables: its rows under its own id, its audit rows
// naming it, its states compared on what its provider's capabilities say its keys have.
import "server-only";
import type { ProviderCapabilities } from "@/lib/providers/types";
import type { Space } from "../space";
import { comparedFields, storedProviderState } from "./state";

/** The connection a read or a write is about. */
export interface ObservedConnection {
  id: string;
  capabilities: ProviderCapabilities;
}

export function connectionSpace(connection: ObservedConnection): Space {
  const fields = comparedFields(connection.capabilities);
  return {
    snapshotId: connection.id,
    auditConnectionId: () => connection.id,
    fields,
    readState: storedProviderState(fields),
    groups: connection.capabilities.groups !== null,
  };
}
