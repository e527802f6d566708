// Comparing a read with the snapshot, without the database: which keys are new, which changed,
// which vanished, and which are merely being seen for the first time (the baseline).
import type { KeyOrigin } from "@/lib/elevenlabs/types";
import type { ObservedState } from "./space";

/** A key as this read saw it. */
export interface ReadKey {
  keyId: string;
  serviceAccountId: string;
  state: ObservedState;
  digest: string;
}

/**
 * A snapshot row. The comparison itself needs only the first five fields (the cheap look); the
 * rest are read, for the keys that differ, before anything is recorded.
 */
export interface SnapshotEntry {
  keyId: string;
  serviceAccountId: string;
  digest: string;
  origin: KeyOrigin;
  /** A tombstone: the key was deleted. */
  deleted: boolean;
  /** Epoch ms by which the row's state was known to be true. */
  knownAt?: number;
  state?: ObservedState;
  firstSeenAt?: string;
}

export type Difference =
  /** First seen where observing has not begun: recorded quietly, origin "baseline". */
  | { kind: "baseline"; read: ReadKey }
  /** New since the last read (or back after a tombstone). */
  | { kind: "created"; read: ReadKey; entry: SnapshotEntry | null }
  | { kind: "changed"; read: ReadKey; entry: SnapshotEntry }
  | { kind: "deleted"; entry: SnapshotEntry };

/**
 * `entries` must be exactly the snapshot rows of the read's scope (all of them for a whole-workspace
 * read), so a live row missing from the read means the key was deleted.
 */
export function differences(
  read: readonly ReadKey[],
  entries: ReadonlyMap<string, SnapshotEntry>,
  baselined: (serviceAccountId: string) => boolean,
): Difference[] {
  const found: Difference[] = [];
  const seen = new Set<string>();
  for (const key of read) {
    seen.add(key.keyId);
    const entry = entries.get(key.keyId);
    if (!entry)
      found.push(
        baselined(key.serviceAccountId)
          ? { kind: "created", read: key, entry: null }
          : { kind: "baseline", read: key },
      );
    else if (entry.deleted) found.push({ kind: "created", read: key, entry });
    else if (entry.digest !== key.digest) found.push({ kind: "changed", read: key, entry });
  }
  for (const entry of entries.values()) {
    if (!entry.deleted && !seen.has(entry.keyId)) found.push({ kind: "deleted", entry });
  }
  return found;
}

/** The key id a difference is about. */
export const keyIdOf = (d: Difference) => (d.kind === "deleted" ? d.entry.keyId : d.read.keyId);

export const serviceAccountOf = (d: Difference) =>
  d.kind === "deleted" ? d.entry.serviceAccountId : d.read.serviceAccountId;
