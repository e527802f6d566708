// A credential check's outcome from one live read: what went wrong in a word the Connections page
// can act on, a message for the person and the upstream's request id. Never thrown; the message is
// built from Keydesk's own words only, so it can never carry the credential.
import "server-only";
import { UpstreamError } from "@/lib/elevenlabs/errors";
import type { CredentialCheck } from "./types";

export const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_TIMEOUT_MS = 120_000;

/** The time limit of one call: the one given when it is a sensible number of ms, else the default. */
export function timeLimit(ms: number | undefined): number {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return DEFAULT_TIMEOUT_MS;
  return Math.min(ms, MAX_TIMEOUT_MS);
}

/** A credential check is one read: no retries, so a failure is reported at once. */
export const NO_RETRIES = { retries: 0, baseDelayMs: 0, maxRetryAfterMs: 0 };

export const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** Runs the read; its resolved value is the summary ("12 keys"). */
export async function checkWith(label: string, readSummary: () => Promise<string>): Promise<CredentialCheck> {
  try {
    return { ok: true, summary: await readSummary() };
  } catch (error) {
    return failure(label, error);
  }
}

function failure(label: string, error: unknown): CredentialCheck {
  if (!UpstreamError.is(error))
    return {
      ok: false,
      reason: "upstream_error",
      message: `Keydesk could not check the credential with ${label} (an unexpected error).`,
      requestId: null,
    };
  const requestId = error.requestId ?? null;
  const status = error.upstreamStatus;
  switch (error.kind) {
    case "bad_admin_key":
      return {
        ok: false,
        reason: "unauthorized",
        message: `${label} refused the credential (HTTP 401): it is wrong, revoked or expired.`,
        requestId,
      };
    case "missing_rights":
      return {
        ok: false,
        reason: "forbidden",
        message: `${label} accepted the credential, but it may not manage API keys (HTTP ${status ?? 403}).`,
        requestId,
      };
    case "timeout":
      return {
        ok: false,
        reason: "timeout",
        message: `${label} did not answer within the time limit.`,
        requestId,
      };
    case "bad_response":
      return {
        ok: false,
        reason: "bad_response",
        message: `The answer was not what ${label}'s API sends: check the base URL.`,
        requestId,
      };
    case "unavailable":
      // Refused before connecting: the base URL's address (lib/http/upstream-address-fetch.ts).
      if (error.field?.[0] === "baseUrl")
        return { ok: false, reason: "base_url_refused", message: error.message, requestId };
      if (status === undefined)
        return {
          ok: false,
          reason: "unreachable",
          message: error.message.startsWith("The connection's base URL")
            ? error.message
            : `Keydesk could not connect to ${label} at this base URL (connection refused, unknown host, TLS or a redirect).`,
          requestId,
        };
      break;
  }
  return {
    ok: false,
    reason: "upstream_error",
    message:
      status === 404
        ? `${label} answered HTTP 404 at this base URL: check it.`
        : `${label} answered HTTP ${status ?? "?"}; try again shortly.`,
    requestId,
  };
}
