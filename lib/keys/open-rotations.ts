// The open rotations, read again only when the rotation table may have changed: every list read
// pairs its keys with them (pairing.ts), and they change only on a rotation, its end, or a key's
// deletion. The `key_rotation` change counter (lib/db/change-counter.ts, migration 0008) moves on
// every write to the table, by anyone, in the writer's transaction; the rows are reused only while
// it equals the value read just before they were selected, so a write in between makes them look
// out of date, never current.
import "server-only";
import { isNull } from "drizzle-orm";
import { changeCounters } from "@/lib/db/change-counter";
import type { Db } from "@/lib/db/database";
import { keyRotation } from "@/lib/db/schema";

export type OpenRotation = typeof keyRotation.$inferSelect;

const remembered = new WeakMap<Db, { generation: number; rows: readonly OpenRotation[] }>();

/** Every open rotation, oldest first, read now. */
export function selectOpenRotations(db: Db): Promise<OpenRotation[]> {
  return db.select().from(keyRotation).where(isNull(keyRotation.finishedAt)).orderBy(keyRotation.id);
}

/**
 * The same, reused from the last call while the counter stands still (the rows are shared: read
 * them, never change them). For list reads, which come often: a write's own read before it changes
 * anything keeps selectOpenRotations, one statement.
 */
export async function rememberedOpenRotations(db: Db): Promise<readonly OpenRotation[]> {
  const generation = (await changeCounters(db)).key_rotation;
  const known = remembered.get(db);
  if (known && known.generation === generation) return known.rows;
  const rows = await selectOpenRotations(db);
  if (generation >= 0) remembered.set(db, { generation, rows });
  return rows;
}
