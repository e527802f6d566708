// Sign-in attempts per account, whatever address they come from. Each attempt reserves a slot
// BEFORE its password is checked, in one atomic INSERT … ON CONFLICT DO UPDATE … RETURNING on the
// shared database: concurrent guesses, on one instance or several on one PostgreSQL, each get a
// different count, so at most MAX_FAILURES of them reach the password check per window. A success
// clears the account's count; a failure keeps its slot. After MAX_FAILURES, sign-in for that email
// pauses until the window (which began with the first counted attempt) has passed.
import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { toIsoAt } from "@/lib/audit/at";
import type { Db } from "@/lib/db";
import { signInGuard } from "@/lib/db/schema";

export const MAX_FAILURES = 5;
/** The default pause (KEYDESK_SIGN_IN_PAUSE_SECONDS). */
export const WINDOW_SECONDS = 15 * 60;

export type Reservation =
  { allowed: true; email: string; windowStartedAt: string } | { allowed: false; retryAfterSeconds: number };

/** Far above MAX_FAILURES; keeps a hammered account's counter from ever overflowing. */
const COUNT_CEILING = 1_000_000;

/** Takes a slot for one attempt at this (normalised) email, or says how long to wait. */
export async function reserveSignInAttempt(
  db: Db,
  email: string,
  windowSeconds = WINDOW_SECONDS,
  now = Date.now(),
): Promise<Reservation> {
  const nowIso = new Date(now).toISOString();
  const expired = sql`${signInGuard.windowStartedAt} <= ${new Date(now - windowSeconds * 1000).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(signInGuard)
    .values({ email, attempts: 1, windowStartedAt: nowIso })
    .onConflictDoUpdate({
      target: signInGuard.email,
      set: {
        attempts: sql`case when ${expired} then 1 else least(${signInGuard.attempts} + 1, ${COUNT_CEILING}) end`,
        windowStartedAt: sql`case when ${expired} then ${nowIso}::timestamptz else ${signInGuard.windowStartedAt} end`,
      },
    })
    .returning({ attempts: signInGuard.attempts, windowStartedAt: signInGuard.windowStartedAt });
  const windowStartedAt = toIsoAt(row!.windowStartedAt);
  if (row!.attempts <= MAX_FAILURES) return { allowed: true, email, windowStartedAt };
  const endsAt = Date.parse(windowStartedAt) + windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now) / 1000)) };
}

/** The password was checked and was right: the account starts afresh. */
export async function clearSignInAttempts(db: Db, email: string): Promise<void> {
  await db.delete(signInGuard).where(eq(signInGuard.email, email));
}

/** The attempt never reached the password check (refused before it, e.g. by the per-address
 * limit): its slot is given back, unless the window has moved on since. */
export async function releaseSignInAttempt(
  db: Db,
  reservation: Extract<Reservation, { allowed: true }>,
): Promise<void> {
  await db
    .update(signInGuard)
    .set({ attempts: sql`${signInGuard.attempts} - 1` })
    .where(
      and(
        eq(signInGuard.email, reservation.email),
        eq(signInGuard.windowStartedAt, reservation.windowStartedAt),
        gt(signInGuard.attempts, 0),
      ),
    );
}

/** Rows whose window has passed hold nothing; removed now and then so made-up emails do not pile up. */
export async function forgetExpiredSignInAttempts(
  db: Db,
  windowSeconds = WINDOW_SECONDS,
  now = Date.now(),
): Promise<void> {
  await db
    .delete(signInGuard)
    .where(lt(signInGuard.windowStartedAt, new Date(now - windowSeconds * 1000).toISOString()));
}
