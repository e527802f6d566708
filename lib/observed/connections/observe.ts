// Noticing changes made outside Keydesk to another connection's keys: each successful read of the
// connection (All keys, the overview, Find a key, the connection's own keys page) is compared with
// the last one, as the primary workspace's reads are (../observe.ts), with the same careful half
// (../record.ts: baseline, stale reads, Keydesk's writes in flight, one savepoint per key on
// trouble). A connection's read always covers all its keys, so its only scope is the whole.
//
// Cheap when nothing changed: after a comparison finds a read unchanged, the process remembers the
// read's ids, groups and digests with the snapshot's generation; the same read at the same
// generation answers the remembered origins with no snapshot row read (one tiny counter select).
import "server-only";
import { isPrimaryConnectionId } from "@/lib/connection-ids";
import { changeCounters } from "@/lib/db/change-counter";
import type { Db } from "@/lib/db/database";
import type { KeyOrigin } from "@/lib/elevenlabs/types";
import type { ProviderKey } from "@/lib/providers/types";
import type { ReadKey } from "../diff";
import { underObservationLock } from "../lock";
import { recordDifferences } from "../record";
import { selectDigests, selectMarkers, WHOLE_WORKSPACE } from "../store";
import { warnObservation } from "../warn";
import { connectionSpace, type ObservedConnection } from "./space";
import { digestOfFields, stateOfProviderKey } from "./state";

interface Memo {
  generation: number;
  /** The read's ids, groups and digests, in order. */
  read: string;
  origins: ReadonlyMap<string, KeyOrigin>;
}

const memos = new WeakMap<Db, Map<string, Memo>>();
/** Connections whose baseline is known taken, per database (a marker, once written, stays). */
const baselined = new WeakMap<Db, Set<string>>();
const MEMOS_MAX = 256;

const readSignature = (read: readonly ReadKey[]) =>
  JSON.stringify(read.map((k) => [k.keyId, k.serviceAccountId, k.digest]));

async function observingBegun(db: Db, snapshotId: string): Promise<boolean> {
  if (baselined.get(db)?.has(snapshotId)) return true;
  if (!(await selectMarkers(db, snapshotId)).has(WHOLE_WORKSPACE)) return false;
  let known = baselined.get(db);
  if (!known) baselined.set(db, (known = new Set()));
  known.add(snapshotId);
  return true;
}

/** The origins if nothing differs from the snapshot; null if the careful half must run. */
async function quickLook(
  db: Db,
  snapshotId: string,
  read: readonly ReadKey[],
): Promise<Map<string, KeyOrigin> | null> {
  if (!(await observingBegun(db, snapshotId))) return null;
  const snapshot = await selectDigests(db, snapshotId, undefined);
  const origins = new Map<string, KeyOrigin>();
  for (const key of read) {
    const entry = snapshot.get(key.keyId);
    if (!entry || entry.deleted || entry.digest !== key.digest) return null;
    origins.set(key.keyId, entry.origin);
  }
  let live = 0;
  for (const entry of snapshot.values()) if (!entry.deleted) live++;
  return live === origins.size ? origins : null;
}

export interface ConnectionReadTimes {
  /** When the upstream read began (a read that began before a newer fact is not evidence against it). */
  readStartedAt: Date | string | number;
}

/**
 * Compares a whole read of `connection` with its snapshot, records what changed outside Keydesk,
 * and answers each judged key's origin. Call it only with a read that succeeded: a failed read
 * says nothing about the keys.
 */
export async function observeConnection(
  db: Db,
  connection: ObservedConnection,
  keys: readonly ProviderKey[],
  times: ConnectionReadTimes,
): Promise<ReadonlyMap<string, KeyOrigin>> {
  const now = Date.now();
  const space = connectionSpace(connection);
  const generation = (await changeCounters(db)).key_snapshot;
  const read: ReadKey[] = keys.map((key) => {
    const state = stateOfProviderKey(connection.capabilities, key);
    return {
      keyId: key.id,
      serviceAccountId: key.group?.id ?? "",
      state,
      digest: digestOfFields(state, space.fields),
    };
  });
  const signature = readSignature(read);
  const memo = memos.get(db)?.get(connection.id);
  if (memo && memo.generation === generation && memo.read === signature) return memo.origins;

  const unchanged = await quickLook(db, space.snapshotId, read);
  if (unchanged) {
    if (generation >= 0) {
      let byConnection = memos.get(db);
      if (!byConnection) memos.set(db, (byConnection = new Map()));
      if (byConnection.size >= MEMOS_MAX) byConnection.clear();
      byConnection.set(connection.id, { generation, read: signature, origins: unchanged });
    }
    return unchanged;
  }
  const recordTimes = {
    readStartedAt: new Date(times.readStartedAt).getTime(),
    asOf: new Date(now).toISOString(),
  };
  return underObservationLock(db, (tx) => recordDifferences(tx, space, read, undefined, recordTimes));
}

/** The same for a read that must not fail because of it: trouble is logged, origins are null. */
export async function observeConnectionOrWarn(
  db: Db,
  connection: ObservedConnection,
  keys: readonly ProviderKey[],
  times: ConnectionReadTimes,
): Promise<ReadonlyMap<string, KeyOrigin> | null> {
  // The primary workspace has its own snapshot, kept by its own reads (lib/keys): observing it here
  // too would report each of its changes twice.
  if (isPrimaryConnectionId(connection.id)) return null;
  try {
    return await observeConnection(db, connection, keys, times);
  } catch (error) {
    warnObservation(
      "could not compare this connection's read with the last one seen; its keys are listed without their origin",
      error,
    );
    return null;
  }
}
