// Changing many keys at once: a small promise pool, and the words the bulk dialog shows. Pure and
// client-safe (no React, no fetch), so the rules are unit-tested without a browser.

export type BulkItemResult<T> =
  | { item: T; outcome: "done" }
  | { item: T; outcome: "failed"; message: string }
  /** Not started, because the run was stopped first. */
  | { item: T; outcome: "cancelled" };

export interface BulkResult<T> {
  done: T[];
  failed: { item: T; message: string }[];
  /** Not started because the run was stopped (each was reported as "cancelled"); left alone. */
  skipped: T[];
}

export interface BulkOptions<T> {
  /** How many items are in flight at once; a small number keeps the upstream's rate limit happy. */
  concurrency?: number;
  /** Called once per item, as soon as its outcome is known (in the order they finish). */
  onProgress?: (result: BulkItemResult<T>) => void;
  /** Aborting stops new items from starting; items already started are left to finish. */
  signal?: AbortSignal;
}

const messageOf = (error: unknown) =>
  error instanceof Error && error.message ? error.message : String(error);

/**
 * Runs `work` for every item, at most `concurrency` at a time. One failure never stops the rest:
 * it is collected with its message. Work already started is never abandoned, because a request
 * already sent may take effect anyway and must be reported as what it turned out to be; the signal
 * passed to `work` only tells it that the run was stopped.
 */
export async function runBulk<T>(
  items: readonly T[],
  work: (item: T, signal: AbortSignal) => Promise<void>,
  options: BulkOptions<T> = {},
): Promise<BulkResult<T>> {
  const { concurrency = 4, onProgress, signal } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a whole number of at least 1, not ${concurrency}`);

  const result: BulkResult<T> = { done: [], failed: [], skipped: [] };
  const report = (r: BulkItemResult<T>) => {
    if (r.outcome === "done") result.done.push(r.item);
    else if (r.outcome === "failed") result.failed.push({ item: r.item, message: r.message });
    else result.skipped.push(r.item);
    // A throwing listener must not turn a finished item into a failed one, nor stop the pool.
    try {
      onProgress?.(r);
    } catch {
      /* the listener's problem, not the run's */
    }
  };

  let next = 0;
  // Reports every item not yet started as cancelled, at once, so a stopped run says so without
  // waiting for the items still in flight.
  const cancelRest = () => {
    while (next < items.length) report({ item: items[next++]!, outcome: "cancelled" });
  };
  const stopped = signal ?? new AbortController().signal;
  if (stopped.aborted) cancelRest();
  else stopped.addEventListener("abort", cancelRest, { once: true });

  const worker = async () => {
    while (next < items.length && !stopped.aborted) {
      const item = items[next++]!;
      try {
        await work(item, stopped);
        report({ item, outcome: "done" });
      } catch (error) {
        report({ item, outcome: "failed", message: messageOf(error) });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  } finally {
    stopped.removeEventListener("abort", cancelRest);
  }
  return result;
}

export type BulkTarget = "enable" | "disable";

export const pastTense = (target: BulkTarget) => (target === "enable" ? "enabled" : "disabled");

/**
 * The keys that would change, those already in the target state (left alone, listed up front), and
 * those that cannot be switched at all (a provider without disable: `enabled` null).
 */
export function partitionByTarget<K extends { enabled: boolean | null }>(
  keys: readonly K[],
  target: BulkTarget,
): { toChange: K[]; already: K[]; cannot: K[] } {
  const wanted = target === "enable";
  return {
    toChange: keys.filter((k) => k.enabled !== null && k.enabled !== wanted),
    already: keys.filter((k) => k.enabled === wanted),
    cannot: keys.filter((k) => k.enabled === null),
  };
}

const keysWord = (n: number) => `${n} ${n === 1 ? "key" : "keys"}`;

/** "Disable 200 keys": the confirm button; the dialog's title adds a question mark. */
export const confirmLabel = (target: BulkTarget, count: number) =>
  `${target === "enable" ? "Enable" : "Disable"} ${keysWord(count)}`;

/** "3 are already disabled and will be left alone." */
export function alreadyNote(target: BulkTarget, count: number): string {
  return `${count} ${count === 1 ? "is" : "are"} already ${pastTense(target)} and will be left alone.`;
}

/** "195 disabled, 5 failed." Zero failures and zero not-started are left out; the first count never is. */
export function bulkSummary(
  target: BulkTarget,
  counts: { done: number; failed: number; notStarted: number },
): string {
  const parts = [`${counts.done} ${pastTense(target)}`];
  if (counts.failed > 0) parts.push(`${counts.failed} failed`);
  if (counts.notStarted > 0) parts.push(`${counts.notStarted} not started`);
  return `${parts.join(", ")}.`;
}

/**
 * Which finished-count the live region should say now. A screen reader told about every one of 200
 * keys hears nothing else, so the count is only re-announced when it crosses a tenth of the total,
 * and at the end.
 */
export function progressToAnnounce(announced: number, finished: number, total: number): number {
  if (total <= 0 || finished >= total) return Math.max(finished, 0);
  const tenth = (n: number) => Math.floor((n * 10) / total);
  return tenth(finished) > tenth(announced) ? finished : announced;
}
