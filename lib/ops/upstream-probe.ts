// The readiness check's look at the upstream: one authenticated read (the service-account list) with
// a short time limit of its own, no retries and no redirects, the answer's body not read at all (only
// the status matters, so a large workspace costs no parsing). It asks the same place with the same key
// as lib/elevenlabs/upstream.ts: ElevenLabs, or in demo mode the embedded emulator (started if need be).
import "server-only";
import { ensureDemoEmulator } from "@/lib/elevenlabs/demo";
import { env, isDemoMode } from "@/lib/env";

export interface UpstreamTarget {
  baseUrl: string;
  apiKey: string;
}

export async function upstreamTarget(): Promise<UpstreamTarget> {
  const e = env();
  if (isDemoMode(e)) {
    const demo = await ensureDemoEmulator(e.KEYDESK_DEMO_EMULATOR_PORT);
    return { baseUrl: demo.url, apiKey: demo.adminKey };
  }
  return { baseUrl: e.ELEVENLABS_BASE_URL, apiKey: e.ELEVENLABS_API_KEY! };
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
    response = await fetch(url, {
      headers: { "xi-api-key": target.apiKey, accept: "application/json" },
      redirect: "error",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new Error(`the upstream could not be reached (${failureKind(cause)})`, { cause });
  }
  await response.body?.cancel().catch(() => undefined);
  if (!response.ok) throw new Error(`the upstream answered ${response.status}`);
}
