// Replay protection: a message is taken once. Its key is the SHA-256 of the scanner's name and the
// raw body (the token is in the body, but a hash of a whole message reveals nothing a caller could
// use: it cannot be searched for a token without already holding the whole message). GitHub's
// messages carry no time of their own, so a replay is recognised only while the row is kept:
// RETENTION_DAYS, longer than GitHub retries a delivery. A replay after that finds the key already
// off (already_disabled) and changes nothing upstream. The generic endpoint's messages are signed
// with their time and refused after five minutes anyway.
import "server-only";
import { createHash } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { leakMessage } from "@/lib/db/schema";
import type { Scanner } from "./types";

export const RETENTION_DAYS = 90;

export function messageHash(scanner: Scanner, body: Buffer): string {
  return createHash("sha256").update(`${scanner}\n`).update(body).digest("hex");
}

/** Records the message as taken; false when it was taken before (a replay). */
export async function takeMessage(
  db: Db,
  scanner: Scanner,
  hash: string,
  now = Date.now(),
): Promise<boolean> {
  // Old rows go as new ones come, so the table stays as small as its retention.
  const cutoff = new Date(now - RETENTION_DAYS * 86_400_000).toISOString();
  await db.delete(leakMessage).where(lt(leakMessage.receivedAt, cutoff));
  const inserted = await db
    .insert(leakMessage)
    .values({ hash, scanner })
    .onConflictDoNothing()
    .returning({ hash: leakMessage.hash });
  return inserted.length === 1;
}

/** Forgets a message whose handling failed as a whole, so the scanner's retry is taken. */
export async function forgetMessage(db: Db, hash: string): Promise<void> {
  await db.delete(leakMessage).where(eq(leakMessage.hash, hash));
}
