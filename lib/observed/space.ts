// Whose keys a snapshot holds. The primary ElevenLabs workspace was the only one until migration
// 0011; every other connection now has its own rows in the same tables, told apart by
// `connection_id`. A space says which rows, which audit connection id the rows it causes carry,
// which fields its states compare, and how to read a stored state back.
import "server-only";
import { primaryConnectionId } from "@/lib/elevenlabs/connection-id";
import { STATE_FIELDS, storedState } from "./state";

/**
 * A compared state: the key's name and whatever else its space compares. Values are plain JSON,
 * already normalised, so two states mean the same exactly when they are spelled the same.
 */
export type ObservedState = { readonly name: string; readonly [field: string]: unknown };

export interface Space {
  /** `key_snapshot.connection_id`: SNAPSHOT_PRIMARY, or the connection's id. */
  snapshotId: string;
  /** The connection id of the audit rows this space's observations write. */
  auditConnectionId(): string;
  /** The fields compared, in the order an audit row's `changes` lists them. */
  fields: readonly string[];
  /** A stored state back from jsonb (written by Keydesk; read field by field, not trusted whole). */
  readState(value: Record<string, unknown>): ObservedState;
  /** Whether keys belong to groups (ElevenLabs' service accounts); else the group is "". */
  groups: boolean;
}

/**
 * The primary workspace's rows. Not its connection id: that is `env-elevenlabs` or
 * `demo-elevenlabs` depending on how the process runs, and the rows written before connections
 * existed belong to whichever it is. Migration 0011 gives every existing row this value.
 */
export const SNAPSHOT_PRIMARY = "primary";

export const PRIMARY_SPACE: Space = {
  snapshotId: SNAPSHOT_PRIMARY,
  auditConnectionId: () => primaryConnectionId(),
  fields: STATE_FIELDS,
  readState: storedState,
  groups: true,
};
