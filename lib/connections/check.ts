// The live read that proves a credential works, and what a failed one becomes for the person who
// asked: the upstream's reason, its request id, and the field to fix. The read itself is the
// provider's (lib/providers: one call, no retries), within ELEVENLABS_TIMEOUT_MS.
import "server-only";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { upstreamUrlProblem } from "@/lib/http/upstream-address-guard";
import { getProvider } from "@/lib/providers";
import type { CredentialCheck, CredentialChecker } from "./types";

/**
 * First where the credential would go (before anything is sent): the base URL's own address and
 * every address its name resolves to now must be allowed (lib/http/upstream-address-guard.ts); the
 * sockets check again when they connect. Then the provider's read.
 */
export const checkWithProvider: CredentialChecker = async (provider, target) => {
  const refused = await upstreamUrlProblem(target.baseUrl);
  if (refused) return { ok: false, reason: "base_url_refused", message: refused, requestId: null };
  return getProvider(provider).checkCredential({ ...target, timeoutMs: env().ELEVENLABS_TIMEOUT_MS });
};

/** The error for a failed check (the provider words the message); never quotes the credential (and removes it if an upstream echoed it). */
export function checkFailure(failed: Extract<CredentialCheck, { ok: false }>, credential: string): ApiError {
  const message = failed.message.split(credential).join("[credential]");
  const upstream = failed.requestId ? { upstreamRequestId: failed.requestId } : {};
  switch (failed.reason) {
    case "unauthorized":
    case "forbidden":
      return new ApiError("validation_failed", `credential: ${message}`, {
        fields: [{ path: ["credential"], message }],
        ...upstream,
      });
    case "bad_response":
    case "base_url_refused":
      return new ApiError("validation_failed", `baseUrl: ${message}`, {
        fields: [{ path: ["baseUrl"], message }],
        ...upstream,
      });
    case "timeout":
      return new ApiError("upstream_timeout", message, upstream);
    case "unreachable":
      return new ApiError("upstream_unavailable", message, upstream);
    default:
      return new ApiError("upstream_error", message, upstream);
  }
}
