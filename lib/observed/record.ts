// The careful half of an observation, run under the observation lock: compare again with the
// snapshot as it is now (another process may have recorded the same change a moment ago), leave
// alone what this read cannot judge, then write the snapshot and the audit rows in one transaction.
import "server-only";
import { appendChained } from "@/lib/audit/append";
import type { AuditRowContent } from "@/lib/audit/types";
import type { KeyOrigin } from "@/lib/elevenlabs/types";
import { differences, serviceAccountOf, type Difference, type ReadKey } from "./diff";
import { isInFlight, keydeskWritesInFlight } from "./guard";
import type { Tx } from "./lock";
import { baselineRow, observedChangeRow } from "./rows";
import type { Space } from "./space";
import {
  insertMarkers,
  selectDigests,
  selectEntries,
  selectMarkers,
  tombstone,
  upsertEntries,
  WHOLE_WORKSPACE,
  type NewEntry,
  type ObservationScope,
} from "./store";
import { warnObservation } from "./warn";

export interface ObservationTimes {
  /** Epoch ms when the upstream read began. */
  readStartedAt: number;
  /** ISO time when it had ended: what this read knows is true as of then. */
  asOf: string;
}

type Noticed = Exclude<Difference, { kind: "baseline" }>;

/**
 * A row written after this read began knows something the read may not (Keydesk's own change, or
 * a newer read's): this read is not evidence against it. Without this, a slow read that began
 * before a change would "record" the change being undone.
 */
function isStale(d: Noticed, readStartedAt: number): boolean {
  const entry = d.entry;
  // No time known (cannot happen once the row is read in full): not evidence either way, so wait.
  return entry !== null && (entry.knownAt ?? Infinity) > readStartedAt;
}

function entryOf(read: ReadKey, origin: KeyOrigin, firstSeenAt: string, asOf: string): NewEntry {
  return {
    keyId: read.keyId,
    serviceAccountId: read.serviceAccountId,
    name: read.state.name,
    state: { ...read.state },
    digest: read.digest,
    origin,
    firstSeenAt,
    updatedAt: asOf,
    deletedAt: null,
  };
}

/** Scopes in which observing begins with this read, with how many keys each records quietly. */
function newBaselines(
  scope: ObservationScope,
  markers: Set<string>,
  baseline: ReadKey[],
): { scope: string; keyCount: number }[] {
  if (markers.has(WHOLE_WORKSPACE)) return [];
  if (!scope) return [{ scope: WHOLE_WORKSPACE, keyCount: baseline.length }];
  return scope.serviceAccountIds
    .filter((id) => !markers.has(id))
    .map((id) => ({ scope: id, keyCount: baseline.filter((k) => k.serviceAccountId === id).length }));
}

/** One key's part of an observation: its snapshot row (or tombstone) and its audit row, if any. */
interface WriteUnit {
  keyId: string;
  entry: NewEntry | null;
  tombstone: boolean;
  row: AuditRowContent | null;
}

async function writeTogether(
  tx: Tx,
  snapshotId: string,
  units: readonly WriteUnit[],
  asOf: string,
): Promise<void> {
  await upsertEntries(
    tx,
    snapshotId,
    units.flatMap((u) => (u.entry ? [u.entry] : [])),
  );
  await tombstone(
    tx,
    snapshotId,
    units.flatMap((u) => (u.tombstone ? [u.keyId] : [])),
    asOf,
  );
  // Last, so the audit chain's lock is held only for the inserts and the commit.
  const rows = units.flatMap((u) => (u.row ? [u.row] : []));
  if (rows.length > 0) await appendChained(tx, () => rows);
}

/**
 * Writes every unit in one go (a savepoint); if that fails, one unit at a time, each in its own
 * savepoint, so one key that cannot be stored (a secret-shaped value the guard refuses, a database
 * refusal) never stops the others being recorded. A unit that fails is left out of the snapshot, so
 * the next read tries it again; the server log says so, without key data. Returns the keys written.
 */
async function writeUnits(
  tx: Tx,
  snapshotId: string,
  units: readonly WriteUnit[],
  asOf: string,
): Promise<Set<string>> {
  const all = new Set(units.map((u) => u.keyId));
  if (units.length === 0) return all;
  try {
    await tx.transaction((sp) => writeTogether(sp, snapshotId, units, asOf));
    return all;
  } catch {
    const written = new Set<string>();
    for (const unit of units) {
      try {
        await tx.transaction((sp) => writeTogether(sp, snapshotId, [unit], asOf));
        written.add(unit.keyId);
      } catch (error) {
        warnObservation(
          "could not record one key's state or change; the other keys were recorded, and this one is tried again on the next read",
          error,
        );
      }
    }
    return written;
  }
}

export async function recordDifferences(
  tx: Tx,
  space: Space,
  read: readonly ReadKey[],
  scope: ObservationScope,
  times: ObservationTimes,
): Promise<Map<string, KeyOrigin>> {
  const markers = await selectMarkers(tx, space.snapshotId);
  const entries = await selectDigests(tx, space.snapshotId, scope);
  const found = differences(read, entries, (id) => markers.has(WHOLE_WORKSPACE) || markers.has(id));
  // The before-state and times, only for the keys that differ.
  const details = await selectEntries(
    tx,
    space,
    found.flatMap((d) => (d.kind !== "baseline" && d.entry ? [d.entry.keyId] : [])),
  );
  for (const d of found)
    if (d.kind !== "baseline" && d.entry) Object.assign(d.entry, details.get(d.entry.keyId));

  const baseline = found.flatMap((d) => (d.kind === "baseline" ? [d.read] : []));
  const noticed = found.filter((d): d is Noticed => d.kind !== "baseline");
  const inFlight = await keydeskWritesInFlight(
    tx,
    space,
    [...new Set(noticed.map(serviceAccountOf))],
    Date.now(),
  );
  const recorded = noticed.filter((d) => !isStale(d, times.readStartedAt) && !isInFlight(d, inFlight));

  const units: WriteUnit[] = baseline.map((k) => ({
    keyId: k.keyId,
    entry: entryOf(k, "baseline", times.asOf, times.asOf),
    tombstone: false,
    row: null,
  }));
  for (const d of recorded) {
    const row = observedChangeRow(space, d);
    if (d.kind === "created")
      units.push({
        keyId: d.read.keyId,
        entry: entryOf(d.read, "outside", times.asOf, times.asOf),
        tombstone: false,
        row,
      });
    if (d.kind === "changed")
      units.push({
        keyId: d.read.keyId,
        entry: entryOf(d.read, d.entry.origin, d.entry.firstSeenAt ?? times.asOf, times.asOf),
        tombstone: false,
        row,
      });
    if (d.kind === "deleted") units.push({ keyId: d.entry.keyId, entry: null, tombstone: true, row });
  }
  const written = await writeUnits(tx, space.snapshotId, units, times.asOf);
  const writtenBaseline = baseline.filter((k) => written.has(k.keyId));
  const baselines = newBaselines(scope, markers, writtenBaseline);
  await insertMarkers(
    tx,
    space.snapshotId,
    baselines.map((b) => ({ ...b, takenAt: times.asOf })),
  );
  if (baselines.length > 0)
    await appendChained(tx, () =>
      baselines.map((b) => baselineRow(space, b.scope === WHOLE_WORKSPACE ? null : b.scope, b.keyCount)),
    );
  const upserts = units.flatMap((u) => (u.entry && written.has(u.keyId) ? [u.entry] : []));

  const origins = new Map<string, KeyOrigin>();
  for (const [id, entry] of entries) if (!entry.deleted) origins.set(id, entry.origin);
  for (const entry of upserts) origins.set(entry.keyId, entry.origin);
  const readIds = new Set(read.map((k) => k.keyId));
  for (const id of origins.keys()) if (!readIds.has(id)) origins.delete(id);
  return origins;
}
