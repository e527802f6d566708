// Walking the chain: every row's hash must match its content, and its prev_hash must match the row
// before it. The walk goes in id order, a batch at a time, so 100,000 rows cost ~20 queries.
//
// What the chain can tell: a row edited in place ("altered": its hash no longer matches), and rows
// taken out of the middle or the start ("removed": the next row links to a hash no one has). What it
// cannot tell on its own: rows cut off the end, or a rewrite of the whole chain from some row on by
// someone who recomputes every hash. Those need the last hash kept somewhere else.
import "server-only";
import { asc, gt } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { auditLog } from "@/lib/db/schema";
import { normaliseRow } from "./append";
import { GENESIS_HASH, hashRow } from "./hash";

export type AuditChainReport =
  | { ok: true; rows: number }
  | {
      ok: false;
      problem: "altered" | "removed";
      /**
       * "altered": the first row whose content was changed. "removed": the first row after the
       * gap, i.e. the one whose predecessor is missing.
       */
      firstBadId: number;
      /** The last row that checked out before the problem (null: none did). */
      lastGoodId: number | null;
      /** Rows read, up to and including firstBadId's. */
      rows: number;
    };

export async function verifyAuditChain(
  db: Db,
  options: { batchSize?: number } = {},
): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 5_000;
  let previous: { id: number; hash: string } | null = null;
  let beforePreviousId: number | null = null;
  let rows = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(previous ? gt(auditLog.id, previous.id) : undefined)
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    for (const stored of batch) {
      rows += 1;
      const row = normaliseRow(stored);
      const lastGoodId = previous?.id ?? null;
      if (hashRow(row) !== row.hash)
        return { ok: false, problem: "altered", firstBadId: row.id, lastGoodId, rows };
      if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
        // The link is broken but this row is intact. A gap in ids says rows were removed; with no
        // gap, the row before was rewritten with a recomputed hash (ids can also skip after a
        // rolled-back insert, so a gap is the likelier story, not a proof).
        const gap = previous ? row.id > previous.id + 1 : row.id > 1;
        if (gap || !previous) return { ok: false, problem: "removed", firstBadId: row.id, lastGoodId, rows };
        return { ok: false, problem: "altered", firstBadId: previous.id, lastGoodId: beforePreviousId, rows };
      }
      beforePreviousId = lastGoodId;
      previous = { id: row.id, hash: row.hash };
    }
    if (batch.length < batchSize) return { ok: true, rows };
  }
}
