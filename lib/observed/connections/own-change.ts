// Keydesk's own changes to another connection's keys (lib/connection-keys), written into that
// connection's snapshot after the upstream accepted them and before the attempt's completion row,
// so they never come back as "changed outside" (the same rules as ../own-change.ts for the primary
// workspace). The states come from the key as the upstream answered it after the write, in the
// same spelling a read gives; a change applies only the fields Keydesk sent, so an outside change
// to another field, even one made just before, is still noticed on the next read.
import "server-only";
import type { Db } from "@/lib/db/database";
import type { ProviderKey } from "@/lib/providers/types";
import { underObservationLock, type Tx } from "../lock";
import type { ObservedState } from "../space";
import { selectEntry, tombstone, upsertEntries, type NewEntry } from "../store";
import { warnObservation } from "../warn";
import { connectionSpace, type ObservedConnection } from "./space";
import { digestOfFields, stateOfProviderKey, withFields } from "./state";

export type ConnectionOwnChange =
  /** A key Keydesk created (or a rotation's twin): the key as the upstream answered it. */
  | { kind: "created"; key: ProviderKey }
  /** `fields`: the compared fields Keydesk sent (KeyChanges' names, or "enabled"); "all": every one. */
  | { kind: "changed"; key: ProviderKey; fields: readonly string[] | "all" }
  /** The key as Keydesk read it just before deleting it. */
  | { kind: "deleted"; key: ProviderKey };

async function writeOwnChange(
  tx: Tx,
  connection: ObservedConnection,
  change: ConnectionOwnChange,
  now: string,
): Promise<void> {
  const space = connectionSpace(connection);
  const state = stateOfProviderKey(connection.capabilities, change.key);
  const row = (s: ObservedState, origin: NewEntry["origin"], firstSeenAt: string): NewEntry => ({
    keyId: change.key.id,
    serviceAccountId: change.key.group?.id ?? "",
    name: s.name,
    state: { ...s },
    digest: digestOfFields(s, space.fields),
    origin,
    firstSeenAt,
    updatedAt: now,
    deletedAt: change.kind === "deleted" ? now : null,
  });
  if (change.kind === "created") {
    await upsertEntries(tx, space.snapshotId, [row(state, "keydesk", now)]);
    return;
  }
  const entry = await selectEntry(tx, space, change.key.id);
  if (change.kind === "changed") {
    // A key the snapshot does not hold was never seen: the next read judges it whole.
    if (!entry || entry.deleted) return;
    const next = change.fields === "all" ? state : withFields(entry.state, state, change.fields);
    await upsertEntries(tx, space.snapshotId, [row(next, entry.origin, entry.firstSeenAt)]);
    return;
  }
  if (entry) {
    await tombstone(tx, space.snapshotId, [entry.keyId], now);
    return;
  }
  // Never seen: a tombstone all the same, so a slower read that began before the deletion does not
  // report the key as new.
  await upsertEntries(tx, space.snapshotId, [row(state, "outside", now)]);
}

/**
 * Records Keydesk's own changes, in order, in one transaction under the observation lock. A failure
 * is logged, never thrown: the upstream change was made, and the cost is that the next read
 * reports it as an outside change (erring on the side of telling).
 */
export async function recordConnectionChangesQuietly(
  db: Db,
  connection: ObservedConnection,
  changes: readonly ConnectionOwnChange[],
): Promise<void> {
  if (changes.length === 0) return;
  try {
    await underObservationLock(db, async (tx) => {
      const now = new Date().toISOString();
      for (const change of changes) await writeOwnChange(tx, connection, change, now);
    });
  } catch (error) {
    warnObservation("could not record its own change to a connection's key in the snapshot", error);
  }
}
