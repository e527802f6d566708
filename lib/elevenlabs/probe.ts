// The readiness check's look at the upstream (lib/ops/routes.ts, through Upstream.probe): one
// authenticated read of the service-account list with a short time limit of its own, no retries,
// no redirects (upstreamFetch), and the answer's body not read at all (only the status matters, so
// a large workspace costs no parsing).
import "server-only";
import { upstreamFetch } from "./fetch";

export interface UpstreamTarget {
  baseUrl: string;
  apiKey: string;
}

/** Why fetch failed, in a word: the system's code (ECONNREFUSED, ENOTFOUND…) or the error's name (TimeoutError). */
function failureKind(error: unknown): string {
  const e = error as { name?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  // A DOMException's `code` is a number; only a word-like string is taken.
  const kind = [e?.cause?.code, e?.code, e?.name].find(
    (k) => typeof k === "string" && /^[A-Za-z_]+$/.test(k),
  );
  return (kind as string | undefined) ?? "unknown";
}

/** Resolves when the upstream answers the read with a 2xx; throws otherwise (the status only, never the body). */
export async function probeUpstream(target: UpstreamTarget, timeoutMs: number): Promise<void> {
  const url = new URL(
    "v1/service-accounts",
    target.baseUrl.endsWith("/") ? target.baseUrl : `${target.baseUrl}/`,
  );
  let response: Response;
  try {
    response = await upstreamFetch(url, {
      headers: { "xi-api-key": target.apiKey, accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new Error(`the upstream could not be reached (${failureKind(cause)})`, { cause });
  }
  await response.body?.cancel().catch(() => undefined);
  if (!response.ok) throw new Error(`the upstream answered ${response.status}`);
}
