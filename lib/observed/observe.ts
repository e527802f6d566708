// Noticing changes made outside Keydesk. Each inventory read is compared with the last one Keydesk
// saw; a key created, changed or deleted since, that Keydesk did not do, becomes one audit row.
//
// Three steps, each only when the one before cannot tell: the memo of the last read found
// unchanged (read-memo.ts: one tiny select of the snapshot's generation, no rows); a quick look with
// no lock and no writes (one select of ids and digests); and, only when something differs, the
// careful half under the observation lock (record.ts), which compares again and writes.
import "server-only";
import type { Db } from "@/lib/db/database";
import { changeCounters } from "@/lib/db/change-counter";
import type { KeyOrigin, ServiceAccount } from "@/lib/elevenlabs/types";
import type { ReadKey } from "./diff";
import { underObservationLock } from "./lock";
import { recall, remember } from "./read-memo";
import { recordDifferences } from "./record";
import { PRIMARY_SPACE } from "./space";
import { digestOf, stateOfKey } from "./state";
import { selectDigests, selectMarkers, WHOLE_WORKSPACE, type ObservationScope } from "./store";

export interface ObserveOptions {
  /**
   * When the upstream read began (default: when this is called). With it, a read that began
   * before a newer fact was recorded does not report that fact being undone.
   */
  readStartedAt?: Date | string | number;
}

/** Databases known to have the whole-workspace baseline (a marker, once written, stays). */
const wholeBaselineTaken = new WeakSet<Db>();

function readKeysOf(accounts: readonly ServiceAccount[], scope: ObservationScope): ReadKey[] {
  const wanted = scope ? new Set(scope.serviceAccountIds) : null;
  const keys: ReadKey[] = [];
  for (const account of accounts) {
    if (wanted && !wanted.has(account.id)) continue;
    for (const key of account.keys) {
      const state = stateOfKey(key);
      keys.push({ keyId: key.id, serviceAccountId: account.id, state, digest: digestOf(state) });
    }
  }
  return keys;
}

async function observingBegun(db: Db, scope: ObservationScope): Promise<boolean> {
  if (wholeBaselineTaken.has(db)) return true;
  const markers = await selectMarkers(db, PRIMARY_SPACE.snapshotId);
  if (markers.has(WHOLE_WORKSPACE)) {
    wholeBaselineTaken.add(db);
    return true;
  }
  return scope !== undefined && scope.serviceAccountIds.every((id) => markers.has(id));
}

/** The origins if nothing differs from the snapshot; null if the careful half must run. */
async function quickLook(
  db: Db,
  read: readonly ReadKey[],
  scope: ObservationScope,
): Promise<Map<string, KeyOrigin> | null> {
  if (!(await observingBegun(db, scope))) return null;
  const snapshot = await selectDigests(db, PRIMARY_SPACE.snapshotId, scope);
  const origins = new Map<string, KeyOrigin>();
  for (const key of read) {
    const entry = snapshot.get(key.keyId);
    if (!entry || entry.deleted || entry.digest !== key.digest) return null;
    origins.set(key.keyId, entry.origin);
  }
  let live = 0;
  for (const entry of snapshot.values()) if (!entry.deleted) live++;
  return live === origins.size ? origins : null; // a live row this read did not list: a deletion
}

/**
 * Compares a read with the snapshot, records what changed outside Keydesk, and returns the origin
 * of each key read that Keydesk could judge (a key it had to leave alone has none). Without
 * `scope`, `accounts` is the whole workspace: a known key missing from it was deleted. With it,
 * only those service accounts' keys are considered.
 */
export async function observeInventory(
  db: Db,
  accounts: readonly ServiceAccount[],
  scope?: { serviceAccountIds: string[] },
  options: ObserveOptions = {},
): Promise<ReadonlyMap<string, KeyOrigin>> {
  const now = Date.now();
  const times = {
    readStartedAt: options.readStartedAt !== undefined ? new Date(options.readStartedAt).getTime() : now,
    asOf: new Date(now).toISOString(),
  };
  // Taken before the quick look reads anything: a write committed after it makes the memo stale.
  const generation = (await changeCounters(db)).key_snapshot;
  const remembered = recall(db, scope, accounts, generation);
  if (remembered) return remembered;
  const read = readKeysOf(accounts, scope);
  const unchanged = await quickLook(db, read, scope);
  if (unchanged) {
    if (generation >= 0) remember(db, scope, accounts, generation, unchanged);
    return unchanged;
  }
  return underObservationLock(db, (tx) => recordDifferences(tx, PRIMARY_SPACE, read, scope, times));
}
