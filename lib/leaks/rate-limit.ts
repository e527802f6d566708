// A limit on how often one address may call a leak endpoint, counted in the database's rate_limit
// table (better-auth's, shared by every Keydesk instance; keys here start with "leaks:" so they never
// meet better-auth's). A fixed window: simple, and a scanner sends a handful of messages a minute.
// Checked before the signature, so a flood of forged messages costs one small write each.
import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { rateLimit } from "@/lib/db/schema";

export const WINDOW_SECONDS = 60;
export const MAX_PER_WINDOW = 120;

/** Counts one call from `who`; the seconds to wait when over the limit, else null. */
export async function countCall(
  db: Db,
  who: string,
  limit = MAX_PER_WINDOW,
  now = Date.now(),
): Promise<number | null> {
  const windowStart = now - WINDOW_SECONDS * 1000;
  const [row] = await db
    .insert(rateLimit)
    .values({ id: randomUUID(), key: `leaks:${who}`, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      // A window that has passed starts again at 1 (last_request marks the window's start).
      set: {
        count: sql`case when ${rateLimit.lastRequest} < ${windowStart} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: sql`case when ${rateLimit.lastRequest} < ${windowStart} then ${now} else ${rateLimit.lastRequest} end`,
      },
    })
    .returning({ count: rateLimit.count, lastRequest: rateLimit.lastRequest });
  if (!row || row.count <= limit) return null;
  return Math.max(1, Math.ceil((row.lastRequest + WINDOW_SECONDS * 1000 - now) / 1000));
}
