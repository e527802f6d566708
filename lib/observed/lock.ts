// One writer of the snapshot at a time, across every Keydesk process on one PostgreSQL server: a
// transaction-scoped advisory lock, released by commit or rollback (never left held by a crash).
//
// Lock order: this lock, then (for the audit rows) the audit chain's lock 724_402, never the other
// way round. Nothing that holds the chain lock takes this one, so the two cannot deadlock. On
// PGlite a transaction already has the database to itself, and the lock is simply granted.
//
// Inside `work`, use only `tx`: PGlite queues every other query behind the open transaction.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/database";

/** The migration lock is 724_401 and the audit chain's 724_402. */
export const OBSERVATION_LOCK = 724_403;

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export function underObservationLock<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${OBSERVATION_LOCK})`);
    return work(tx);
  });
}
