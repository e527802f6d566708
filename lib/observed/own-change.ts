// Keydesk's own changes, written into the snapshot as soon as the upstream accepted them, so they
// never come back as "changed outside". lib/keys calls this after the upstream call succeeds, in
// one transaction with (and before) the attempt's completion row (see guard.ts for why that closes
// the gap): `recordOwnChangeIn`.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import type { KeyChanges, KeyOrigin, NewKeyInput } from "@/lib/elevenlabs/types";
import { OBSERVATION_LOCK, underObservationLock, type Tx } from "./lock";
import { PRIMARY_SPACE } from "./space";
import { digestOf, stateOfNewKey, withChanges, type KeyState } from "./state";
import { selectEntry, tombstone, upsertEntries, type NewEntry } from "./store";
import { warnObservation } from "./warn";

export type OwnChange =
  /** A key Keydesk created (or made by rotating another). */
  | { kind: "created"; serviceAccountId: string; keyId: string; input: NewKeyInput }
  /** Only the fields Keydesk changed: an outside change to another field is still noticed later. */
  | { kind: "updated"; keyId: string; changes: KeyChanges }
  /** `state`: the key as Keydesk read it just before deleting, for a key the snapshot never held. */
  | { kind: "deleted"; serviceAccountId: string; keyId: string; state: KeyState };

export async function recordOwnChange(db: Db, change: OwnChange): Promise<void> {
  await underObservationLock(db, (tx) => writeOwnChange(tx, change));
}

/**
 * The same inside a transaction the caller holds, before it takes the audit chain's lock (the
 * order lock.ts sets): the snapshot's lock is held until the caller commits or rolls back, and a
 * failure here fails the caller's transaction (no savepoint).
 */
export async function recordOwnChangeIn(tx: Tx, change: OwnChange): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${OBSERVATION_LOCK})`);
  await writeOwnChange(tx, change);
}

async function writeOwnChange(tx: Tx, change: OwnChange): Promise<void> {
  const now = new Date().toISOString();
  if (change.kind === "created") {
    const state = stateOfNewKey(change.input);
    await upsertEntries(tx, PRIMARY_SPACE.snapshotId, [
      entryOf(change, state, "keydesk", { firstSeenAt: now, updatedAt: now }),
    ]);
    return;
  }
  const entry = await selectEntry(tx, PRIMARY_SPACE, change.keyId);
  if (change.kind === "updated") {
    // A key the snapshot does not hold was never seen: the next read judges it whole.
    if (!entry || entry.deleted || !entry.state) return;
    // The primary space's states are KeyStates (PRIMARY_SPACE.readState is storedState).
    const state = withChanges(entry.state as KeyState, change.changes);
    await upsertEntries(tx, PRIMARY_SPACE.snapshotId, [
      entryOf(entry, state, entry.origin, { firstSeenAt: entry.firstSeenAt, updatedAt: now }),
    ]);
    return;
  }
  if (entry) {
    await tombstone(tx, PRIMARY_SPACE.snapshotId, [entry.keyId], now);
    return;
  }
  // Never seen (made outside since the last read): a tombstone all the same, so a slower read
  // that began before the deletion does not report the key as new.
  const state = change.state;
  await upsertEntries(tx, PRIMARY_SPACE.snapshotId, [
    entryOf(change, state, "outside", { firstSeenAt: now, updatedAt: now, deletedAt: now }),
  ]);
}

/** A snapshot row for the key `of` names, in `state`. */
function entryOf(
  of: { keyId: string; serviceAccountId: string },
  state: KeyState,
  origin: KeyOrigin,
  times: { firstSeenAt: string; updatedAt: string; deletedAt?: string },
): NewEntry {
  return {
    keyId: of.keyId,
    serviceAccountId: of.serviceAccountId,
    name: state.name,
    state: { ...state },
    digest: digestOf(state),
    origin,
    firstSeenAt: times.firstSeenAt,
    updatedAt: times.updatedAt,
    deletedAt: times.deletedAt ?? null,
  };
}

/**
 * The same, for a caller whose upstream change already succeeded: a failure here must not turn
 * that success into an error. It is logged; the cost is that the next read reports Keydesk's own
 * change as one made outside, which errs on the side of telling.
 */
export async function recordOwnChangeQuietly(db: Db, change: OwnChange): Promise<void> {
  try {
    await recordOwnChange(db, change);
  } catch (error) {
    warnObservation("could not record its own key change in the inventory snapshot", error);
  }
}
