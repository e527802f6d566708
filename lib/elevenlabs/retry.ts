// Bounded retries for idempotent reads. Writes never come through here: a retried create can
// make a second key.
import "server-only";
import { UpstreamError } from "./errors";

export interface RetryPolicy {
  /** Retries after the first attempt (so at most retries + 1 calls). */
  retries: number;
  /** First backoff; doubles each time, with up to 50% jitter. */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited out: the error goes back to the person. */
  maxRetryAfterMs: number;
  /** Also retry a read that timed out (lib/providers' fetch clients do; the SDK client does not). */
  retryTimeouts?: boolean;
}

export const READ_RETRY_POLICY: RetryPolicy = { retries: 2, baseDelayMs: 300, maxRetryAfterMs: 10_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long to wait before the next attempt, or null to give up now. */
export function retryDelayMs(
  error: UpstreamError,
  attempt: number,
  policy: RetryPolicy,
  random = Math.random,
): number | null {
  const retryable = error.retryable || (policy.retryTimeouts === true && error.kind === "timeout");
  if (!retryable || attempt >= policy.retries) return null;
  if (error.retryAfterSeconds !== undefined) {
    const ms = error.retryAfterSeconds * 1000;
    return ms <= policy.maxRetryAfterMs ? ms : null;
  }
  const backoff = policy.baseDelayMs * 2 ** attempt;
  return backoff + backoff * 0.5 * random();
}

export async function withRetries<T>(
  call: () => Promise<T>,
  toError: (e: unknown) => UpstreamError,
  policy: RetryPolicy,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (thrown) {
      const error = toError(thrown);
      const delay = retryDelayMs(error, attempt, policy);
      if (delay === null) throw error;
      await sleep(delay);
    }
  }
}
