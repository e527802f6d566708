// A key's usage over time, as the watch job recorded it (one sample per run): the points of the
// chart on its page. Only runs that read a count are points; a key whose provider reports none has
// no chart.
import "server-only";
import { and, asc, eq, gte, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { keyUsageSample } from "@/lib/db/schema";

export interface UsagePoint {
  at: string;
  used: number;
  limit: number | null;
}

/** The latest this many samples are drawn (30 days at one an hour; more of a 5-minute watch is thinned). */
export const USAGE_POINTS = 720;
export const USAGE_DAYS = 30;

export async function usageHistory(
  db: Db,
  key: { connectionIds: readonly string[]; keyId: string },
  now = Date.now(),
): Promise<UsagePoint[]> {
  const since = new Date(now - USAGE_DAYS * 86_400_000).toISOString();
  const rows = await db
    .select({ at: keyUsageSample.sampledAt, used: keyUsageSample.used, limit: keyUsageSample.limit })
    .from(keyUsageSample)
    .where(
      and(
        inArray(keyUsageSample.connectionId, [...key.connectionIds]),
        eq(keyUsageSample.keyId, key.keyId),
        gte(keyUsageSample.sampledAt, since),
        isNotNull(keyUsageSample.used),
      ),
    )
    .orderBy(asc(keyUsageSample.sampledAt));
  const points = rows.map((r) => ({ at: new Date(r.at).toISOString(), used: r.used!, limit: r.limit }));
  return thin(points, USAGE_POINTS);
}

/** At most `max` points, evenly spread, the last one always kept (it is "now"). */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = points.length / max;
  const kept = Array.from({ length: max - 1 }, (_, i) => points[Math.floor(i * step)]!);
  return [...kept, points[points.length - 1]!];
}
