// Who works on a bulk change: the run holding its lease. A run takes the lease when nobody holds
// it, it already holds it, or the holder's lease ran out (its process died, or it stopped without
// finishing), and renews it before every key. So a retry beside a run thought dead, or a resume
// asked for on reading, never works on a change at the same time as a live run: the second one
// finds the lease held and leaves. The lease is counted by the database's clock (one clock for
// every instance).
import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { bulkChange } from "@/lib/db/schema";
import type { BulkChangeRow } from "./store";

/** Takes or renews the lease of `id` for `runId`; the change, or null when another run holds it or it is over. */
export async function claimLease(
  db: Db,
  id: string,
  runId: string,
  leaseSeconds: number,
): Promise<BulkChangeRow | null> {
  const [row] = await db
    .update(bulkChange)
    .set({
      runId,
      leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      // A cancelled change stays cancelled: a run still finishes the key it had begun.
      state: sql`case when ${bulkChange.state} = 'queued' then 'running' else ${bulkChange.state} end`,
    })
    .where(
      and(
        eq(bulkChange.id, id),
        inArray(bulkChange.state, ["queued", "running", "cancelled"]),
        isNull(bulkChange.finishedAt),
        or(isNull(bulkChange.runId), eq(bulkChange.runId, runId), lt(bulkChange.leaseUntil, sql`now()`)),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * The changes whose run seems gone (unfinished; their lease ran out, or none was taken within
 * `queuedSeconds`), released in the same statement: the lease is cleared of its run and held for
 * `leaseSeconds` more, so one read asks for one new run, not every read until a run starts; any run
 * may then take it (the first to claim wins).
 */
export async function takeStale(db: Db, queuedSeconds: number, leaseSeconds: number): Promise<string[]> {
  const rows = await db
    .update(bulkChange)
    .set({ runId: null, leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(
      and(
        isNull(bulkChange.finishedAt),
        inArray(bulkChange.state, ["queued", "running", "cancelled"]),
        or(
          lt(bulkChange.leaseUntil, sql`now()`),
          and(
            isNull(bulkChange.leaseUntil),
            lt(bulkChange.createdAt, sql`now() - make_interval(secs => ${queuedSeconds})`),
          ),
        ),
      ),
    )
    .returning({ id: bulkChange.id });
  return rows.map((r) => r.id);
}
