// The live read that proves a credential works, and what a failed one becomes for the person who
// asked: the upstream's reason, its request id, and the field to fix. The read itself is the
// provider's (lib/providers: one call, no retries), within ELEVENLABS_TIMEOUT_MS.
import "server-only";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { getProvider } from "@/lib/providers";
import type { CredentialCheck, CredentialChecker } from "./types";

export const checkWithProvider: CredentialChecker = (provider, target) =>
  getProvider(provider).checkCredential({ ...target, timeoutMs: env().ELEVENLABS_TIMEOUT_MS });

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
