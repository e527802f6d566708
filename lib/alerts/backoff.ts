// When a failed delivery is tried again: 30 s after the first failure, doubling each time (1, 2, 4
// minutes…), never more than an hour apart, and given up after MAX_DELIVERY_ATTEMPTS tries (about a
// quarter of an hour of a receiver being down), so a dead receiver does not collect work forever.
export const MAX_DELIVERY_ATTEMPTS = 6;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/** The next try after `attempts` failed ones, or null when there is none. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  const delay = Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return new Date(now.getTime() + delay);
}
