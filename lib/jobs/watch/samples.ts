// Each key's usage as a watch run read it: one row per key per run (the `key_usage_sample` table),
// written so that a run retried for the same period writes nothing new.
import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
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

/** The key's sample before `at`, or null (its first run). */
export async function sampleBefore(
  db: Db,
  key: Pick<UsageSample, "connectionId" | "keyId">,
  at: string,
): Promise<StoredSample | null> {
  const [row] = await db
    .select()
    .from(keyUsageSample)
    .where(
      and(
        eq(keyUsageSample.connectionId, key.connectionId),
        eq(keyUsageSample.keyId, key.keyId),
        lt(keyUsageSample.sampledAt, at),
      ),
    )
    .orderBy(desc(keyUsageSample.sampledAt))
    .limit(1);
  return row ?? null;
}
