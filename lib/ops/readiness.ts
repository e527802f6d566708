// Whether this instance can do its work: every named check run side by side, each given the same
// time limit. A check that does not settle in time counts as failed (it is left to finish on its
// own: opening a database, say, carries on and the next probe finds it open).
import "server-only";

/** A check passes when it resolves and fails when it throws. */
export type Check = () => Promise<void>;

export interface CheckFailure {
  check: string;
  reason: "failed" | "timed_out";
  /** What the check threw; for the server log only, never for the caller. */
  error: unknown;
}

export interface Readiness {
  ready: boolean;
  failures: CheckFailure[];
}

const TIMED_OUT = Symbol("timed out");

async function run(name: string, check: Check, timeoutMs: number): Promise<CheckFailure | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  try {
    const outcome = await Promise.race([check(), deadline]);
    return outcome === TIMED_OUT ? { check: name, reason: "timed_out", error: null } : null;
  } catch (error) {
    return { check: name, reason: "failed", error };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(checks: Record<string, Check>, timeoutMs: number): Promise<Readiness> {
  const outcomes = await Promise.all(
    Object.entries(checks).map(([name, check]) => run(name, check, timeoutMs)),
  );
  const failures = outcomes.filter((outcome): outcome is CheckFailure => outcome !== null);
  return { ready: failures.length === 0, failures };
}

/**
 * `run`, shared: callers while it runs get the same promise, and for `reuseMs` after it resolved
 * they get its result again (a rejection is not kept). GET /api/ready is public: without this, every
 * anonymous request would be a call to the upstream made with the admin key.
 */
export function shareRecent<T>(
  run: () => Promise<T>,
  reuseMs: number,
  now: () => number = Date.now,
): () => Promise<T> {
  let current: { promise: Promise<T>; settledAt: number | null } | null = null;
  return () => {
    if (current && (current.settledAt === null || now() - current.settledAt < reuseMs))
      return current.promise;
    const entry: { promise: Promise<T>; settledAt: number | null } = { promise: run(), settledAt: null };
    current = entry;
    entry.promise.then(
      () => {
        entry.settledAt = now();
      },
      () => {
        if (current === entry) current = null;
      },
    );
    return entry.promise;
  };
}
