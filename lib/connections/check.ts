// The live read that proves a credential works, and what a failed one becomes for the person who
// asked: the upstream's reason, its request id, and the field to fix. The check itself is the
// provider's (lib/providers); this only words the answer.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { PROVIDER_LABELS, type ConnectionProvider } from "./providers";
import type { CredentialCheck } from "./types";

/** The error for a failed check; never quotes the credential (and removes it if an upstream echoed it). */
export function checkFailure(
  provider: ConnectionProvider,
  failed: Extract<CredentialCheck, { ok: false }>,
  credential: string,
): ApiError {
  const label = PROVIDER_LABELS[provider];
  const said = failed.message.split(credential).join("[credential]");
  const upstream = failed.requestId ? { upstreamRequestId: failed.requestId } : {};
  const message = `${label} did not accept the check: ${said}`;
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
      return new ApiError("upstream_timeout", `${label} did not answer in time: ${said}`, upstream);
    case "unreachable":
      return new ApiError("upstream_unavailable", `${label} could not be reached: ${said}`, upstream);
    default:
      return new ApiError("upstream_error", message, upstream);
  }
}
