// The connections the "All keys" page covers, as the browser gets them: each with its provider's
// capabilities (plain data, which drive the columns, flags and matrices) and, for the connections
// other than the primary ElevenLabs one, its own outcome: keys, or an error with the upstream's
// request id. Types only, so the page may name them.
import type { InventoryConnection, InventoryKey } from "./types";

export type { InventoryConnection } from "./types";

/** Why a connection could not be read, as its banner says it. */
export interface InventoryConnectionError {
  code: string;
  message: string;
  upstreamRequestId: string | null;
}

/** One other connection's read: its keys, or why there are none. */
export type OtherConnectionRead = { connection: InventoryConnection } & (
  { ok: true; readAt: string; keys: InventoryKey[] } | { ok: false; error: InventoryConnectionError }
);

export interface OtherConnectionsResponse {
  connections: OtherConnectionRead[];
}
