// Reading and writing the snapshot tables. Reads take either the database or a transaction; writes
// are meant for a transaction under the observation lock (see lock.ts).
//
// Every string from the upstream (ids, the name, the state's values) is kept in its stored form
// (lib/audit/storable.ts): a NUL or a lone surrogate is escaped, reversibly, so one odd key name
// cannot make PostgreSQL refuse the whole comparison. Callers see the upstream's text exactly.
import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { toIsoAt } from "@/lib/audit/at";
import { assertNoSecret } from "@/lib/audit/secret-guard";
import { fromStored, fromStoredJson, toStored, toStoredJson } from "@/lib/audit/storable";
import type { Db } from "@/lib/db/database";
import { keySnapshot, keySnapshotBaseline } from "@/lib/db/schema";
import type { KeyOrigin } from "@/lib/elevenlabs/types";
import type { SnapshotEntry } from "./diff";
import type { Tx } from "./lock";
import { SNAPSHOT_PRIMARY, type Space } from "./space";

type Reader = Db | Tx;

/** Which keys a read covers: the whole workspace (undefined), or these service accounts' keys. */
export type ObservationScope = { serviceAccountIds: readonly string[] } | undefined;

/** The whole-workspace baseline marker (a service account's marker is its id). */
export const WHOLE_WORKSPACE = "*";

/** Rows per INSERT (10 parameters each, far under PostgreSQL's 65,535). */
const BATCH = 1_000;

export type NewEntry = typeof keySnapshot.$inferInsert;

/** Rows of one space (`snapshotId`), narrowed to the scope's service accounts when it names some. */
function inScope(snapshotId: string, scope: ObservationScope): SQL {
  const ofSpace = eq(keySnapshot.connectionId, snapshotId);
  return scope
    ? and(ofSpace, inArray(keySnapshot.serviceAccountId, scope.serviceAccountIds.map(toStored)))!
    : ofSpace;
}

const knownAt = (at: string) => Date.parse(toIsoAt(at));

/**
 * The cheap look at a scope's rows: what tells "unchanged" apart and the origin to show, as one
 * JSON value rather than 10,000 rows (on PGlite several times faster to hand over).
 */
export async function selectDigests(
  db: Reader,
  snapshotId: string,
  scope: ObservationScope,
): Promise<Map<string, SnapshotEntry>> {
  if (scope && scope.serviceAccountIds.length === 0) return new Map();
  const where = inScope(snapshotId, scope);
  const t = keySnapshot;
  const result = await db.execute(
    sql`select coalesce(json_agg(json_build_array(${t.keyId}, ${t.serviceAccountId}, ${t.digest}, ${t.origin}, ${t.deletedAt} is not null)), '[]')::text as entries
        from ${t} where ${where}`,
  );
  const [row] = (result as unknown as { rows: { entries: string }[] }).rows;
  const entries = JSON.parse(row?.entries ?? "[]") as [string, string, string, KeyOrigin, boolean][];
  return new Map(
    entries.map(([storedKeyId, storedAccountId, digest, origin, deleted]) => {
      const keyId = fromStored(storedKeyId);
      return [keyId, { keyId, serviceAccountId: fromStored(storedAccountId), digest, origin, deleted }];
    }),
  );
}

function fullEntry(space: Space, r: typeof keySnapshot.$inferSelect): Required<SnapshotEntry> {
  return {
    keyId: fromStored(r.keyId),
    serviceAccountId: fromStored(r.serviceAccountId),
    digest: r.digest,
    origin: r.origin,
    deleted: r.deletedAt !== null,
    knownAt: knownAt(r.updatedAt),
    state: space.readState(fromStoredJson(r.state)),
    firstSeenAt: toIsoAt(r.firstSeenAt),
  };
}

/** These keys' rows in full (the ones a read found different), by key id. */
export async function selectEntries(
  db: Reader,
  space: Space,
  keyIds: readonly string[],
): Promise<Map<string, Required<SnapshotEntry>>> {
  const found = new Map<string, Required<SnapshotEntry>>();
  for (let i = 0; i < keyIds.length; i += BATCH) {
    const rows = await db
      .select()
      .from(keySnapshot)
      .where(
        and(
          eq(keySnapshot.connectionId, space.snapshotId),
          inArray(keySnapshot.keyId, keyIds.slice(i, i + BATCH).map(toStored)),
        ),
      );
    for (const r of rows) found.set(fromStored(r.keyId), fullEntry(space, r));
  }
  return found;
}

export async function selectEntry(
  db: Reader,
  space: Space,
  keyId: string,
): Promise<Required<SnapshotEntry> | null> {
  const [r] = await db
    .select()
    .from(keySnapshot)
    .where(and(eq(keySnapshot.connectionId, space.snapshotId), eq(keySnapshot.keyId, toStored(keyId))));
  return r ? fullEntry(space, r) : null;
}

function storedEntry(snapshotId: string, entry: NewEntry): NewEntry {
  return {
    ...entry,
    connectionId: snapshotId,
    keyId: toStored(entry.keyId),
    serviceAccountId: toStored(entry.serviceAccountId),
    name: toStored(entry.name),
    state: toStoredJson(entry.state),
  };
}

/** Inserts rows, or replaces the row of the same key (a changed key, or one back after a tombstone). */
export async function upsertEntries(tx: Tx, snapshotId: string, given: readonly NewEntry[]): Promise<void> {
  const entries = given.map((entry) => storedEntry(snapshotId, entry));
  for (const entry of entries) assertNoSecret(entry);
  for (let i = 0; i < entries.length; i += BATCH) {
    await tx
      .insert(keySnapshot)
      .values(entries.slice(i, i + BATCH))
      .onConflictDoUpdate({
        target: [keySnapshot.connectionId, keySnapshot.keyId],
        set: {
          serviceAccountId: sql`excluded.service_account_id`,
          name: sql`excluded.name`,
          state: sql`excluded.state`,
          digest: sql`excluded.digest`,
          origin: sql`excluded.origin`,
          firstSeenAt: sql`excluded.first_seen_at`,
          updatedAt: sql`excluded.updated_at`,
          deletedAt: sql`excluded.deleted_at`,
        },
      });
  }
}

/** Marks keys deleted, keeping their last state (see the table's comment for why not DELETE). */
export async function tombstone(
  tx: Tx,
  snapshotId: string,
  keyIds: readonly string[],
  at: string,
): Promise<void> {
  for (let i = 0; i < keyIds.length; i += BATCH) {
    await tx
      .update(keySnapshot)
      .set({ deletedAt: at, updatedAt: at })
      .where(
        and(
          eq(keySnapshot.connectionId, snapshotId),
          inArray(keySnapshot.keyId, keyIds.slice(i, i + BATCH).map(toStored)),
        ),
      );
  }
}

export async function selectMarkers(db: Reader, snapshotId: string): Promise<Set<string>> {
  const rows = await db
    .select({ scope: keySnapshotBaseline.scope })
    .from(keySnapshotBaseline)
    .where(eq(keySnapshotBaseline.connectionId, snapshotId));
  return new Set(rows.map((r) => r.scope));
}

export async function insertMarkers(
  tx: Tx,
  snapshotId: string,
  markers: readonly { scope: string; keyCount: number; takenAt: string }[],
): Promise<void> {
  if (markers.length === 0) return;
  await tx
    .insert(keySnapshotBaseline)
    .values(markers.map((m) => ({ ...m, connectionId: snapshotId })))
    .onConflictDoNothing();
}

/** Every key the snapshot holds for one service account of the primary workspace, deleted ones included. */
export async function knownKeyIds(db: Reader, serviceAccountId: string): Promise<Set<string>> {
  const rows = await db
    .select({ keyId: keySnapshot.keyId })
    .from(keySnapshot)
    .where(inScope(SNAPSHOT_PRIMARY, { serviceAccountIds: [serviceAccountId] }));
  return new Set(rows.map((r) => fromStored(r.keyId)));
}
