// Each key's usage as a watch run read it: one row per key per run (the `key_usage_sample` table),
// written so that a run retried for the same period writes nothing new.
import "server-only";
import { sql } from "drizzle-orm";
import type { ConnectionRead } from "@/lib/connections/read-all";
import type { Db } from "@/lib/db";
import { keyUsageSample } from "@/lib/db/schema";

export type UsageSample = typeof keyUsageSample.$inferInsert;
export type StoredSample = typeof keyUsageSample.$inferSelect;

/** The samples of every key the successful reads returned, for the period starting `at`. */
export function samplesOf(reads: readonly ConnectionRead[], at: Date): UsageSample[] {
  return reads.flatMap((read) =>
    read.ok
      ? read.keys.map((key) => ({
          connectionId: read.connection.id,
          groupId: key.group?.id ?? null,
          keyId: key.id,
          sampledAt: at.toISOString(),
          used: key.restrictions.characterLimit?.used ?? null,
          limit: key.restrictions.characterLimit?.limit ?? null,
          lastUsedAt: key.lastUsedAt,
        }))
      : [],
  );
}

const BATCH = 500;

/** Writes `samples`; returns the ones written now (a retried period's are there already). */
export async function writeSamples(db: Db, samples: readonly UsageSample[]): Promise<StoredSample[]> {
  const written: StoredSample[] = [];
  for (let i = 0; i < samples.length; i += BATCH) {
    written.push(
      ...(await db
        .insert(keyUsageSample)
        .values(samples.slice(i, i + BATCH))
        .onConflictDoNothing()
        .returning()),
    );
  }
  return written;
}

const sampleKey = (s: Pick<UsageSample, "connectionId" | "keyId">) => `${s.connectionId}\n${s.keyId}`;

/**
 * Each key's sample before `at` (its previous run's), for many keys in one statement: one index
 * look-up per key (connection, key, time) inside the database, instead of one query per key (at
 * 10,000 keys those round trips were most of an unchanged run's time). Keys with none are absent.
 */
export async function samplesBefore(
  db: Db,
  keys: readonly Pick<UsageSample, "connectionId" | "keyId">[],
  at: string,
): Promise<Map<string, Pick<StoredSample, "used" | "limit">>> {
  const found = new Map<string, Pick<StoredSample, "used" | "limit">>();
  for (let i = 0; i < keys.length; i += 5 * BATCH) {
    // The keys as one JSON value (one parameter), not thousands of parameters.
    const wanted = JSON.stringify(
      keys.slice(i, i + 5 * BATCH).map((k) => ({ c: k.connectionId, k: k.keyId })),
    );
    const result = await db.execute(sql`
      select k.c as connection_id, k.k as key_id, prev.used, prev."limit"
      from jsonb_to_recordset(${wanted}::jsonb) as k(c text, k text)
      cross join lateral (
        select s.used, s."limit" from ${keyUsageSample} s
        where s.connection_id = k.c and s.key_id = k.k and s.sampled_at < ${at}
        order by s.sampled_at desc
        limit 1
      ) prev`);
    for (const row of (result as unknown as { rows: Record<string, unknown>[] }).rows)
      found.set(sampleKey({ connectionId: String(row.connection_id), keyId: String(row.key_id) }), {
        used: row.used === null ? null : Number(row.used),
        limit: row.limit === null ? null : Number(row.limit),
      });
  }
  return found;
}

export { sampleKey };
