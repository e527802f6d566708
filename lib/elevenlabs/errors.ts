// Every way a call to ElevenLabs can fail, as one typed Keydesk error. The message is written for
// the person using Keydesk and never carries the admin key, a secret or the upstream's raw body.
import "server-only";
import { errorBrand, hasBrand } from "@/lib/branded-error";
import { ElevenLabsError, ElevenLabsTimeoutError } from "@elevenlabs/elevenlabs-js";
import { ApiError, type ErrorCode } from "@/lib/http/api-error";
import { rateLimitedMessage } from "@/lib/http/rate-limit";
import { addressRefusedIn } from "@/lib/http/upstream-address-guard";

export type UpstreamErrorKind =
  | "bad_admin_key" // the admin key is missing, invalid or revoked
  | "missing_rights" // the admin key is valid but may not do this
  | "not_found"
  | "validation" // the upstream refused a field
  | "rejected" // the upstream refused the request for another reason (a limit, a conflict)
  | "rate_limited"
  | "unavailable" // 5xx, or the connection failed
  | "bad_response" // the upstream answered with something unreadable
  | "timeout";

export interface UpstreamErrorDetails {
  kind: UpstreamErrorKind;
  message: string;
  /** The HTTP status the upstream answered with, when it answered. */
  upstreamStatus?: number;
  /** The upstream's x-request-id, for ElevenLabs support. */
  requestId?: string;
  /** For validation errors: the field path, as Keydesk names it (e.g. ["allowedIps", 2]). */
  field?: (string | number)[];
  /** For rate limits: seconds to wait before trying again. */
  retryAfterSeconds?: number;
  /** Trying again cannot help: nothing was sent because the base URL's address is refused. */
  addressRefused?: boolean;
}

const UPSTREAM_ERROR = errorBrand("UpstreamError");

export class UpstreamError extends Error {
  override name = "UpstreamError";
  readonly [UPSTREAM_ERROR] = true;

  /** `instanceof` across duplicated copies of this module (see lib/branded-error.ts). */
  static is(value: unknown): value is UpstreamError {
    return hasBrand(value, UPSTREAM_ERROR);
  }

  readonly kind: UpstreamErrorKind;
  readonly upstreamStatus?: number;
  readonly requestId?: string;
  readonly field?: (string | number)[];
  readonly retryAfterSeconds?: number;
  readonly addressRefused: boolean;

  constructor(details: UpstreamErrorDetails) {
    super(details.message);
    this.kind = details.kind;
    this.upstreamStatus = details.upstreamStatus;
    this.requestId = details.requestId;
    this.field = details.field;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.addressRefused = details.addressRefused === true;
  }

  /** Worth trying again, for an idempotent call. */
  get retryable(): boolean {
    return !this.addressRefused && (this.kind === "rate_limited" || this.kind === "unavailable");
  }
}

const WIRE_TO_DOMAIN_FIELD: Record<string, string> = {
  name: "name",
  permissions: "permissions",
  character_limit: "characterLimit",
  allowed_ips: "allowedIps",
  is_enabled: "enabled",
};

/** Seconds from a Retry-After header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Number(trimmed));
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
}

function detailObject(body: unknown): { code?: string; message?: string } {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (detail && typeof detail === "object" && !Array.isArray(detail)) {
    const d = detail as Record<string, unknown>;
    const code = typeof d.code === "string" ? d.code : typeof d.status === "string" ? d.status : undefined;
    return { code, message: typeof d.message === "string" ? d.message : undefined };
  }
  return {};
}

function validationDetail(body: unknown): { field?: (string | number)[]; message?: string } {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (!Array.isArray(detail) || detail.length === 0) return {};
  const first = detail[0] as { loc?: unknown; msg?: unknown };
  const loc = Array.isArray(first.loc) ? (first.loc as (string | number)[]) : [];
  const path = loc[0] === "body" ? loc.slice(1) : loc;
  const field = path.map((part, i) =>
    i === 0 && typeof part === "string" ? (WIRE_TO_DOMAIN_FIELD[part] ?? part) : part,
  );
  return { field, message: typeof first.msg === "string" ? first.msg : undefined };
}

function fromStatus(error: ElevenLabsError, status: number): UpstreamError {
  const requestId = error.requestId;
  const base = { upstreamStatus: status, requestId };
  const { code, message } = detailObject(error.body);
  if (status === 401 && code === "missing_permissions") {
    return new UpstreamError({
      ...base,
      kind: "missing_rights",
      message: "ElevenLabs says Keydesk's admin key lacks the permission for this action.",
    });
  }
  if (status === 401) {
    return new UpstreamError({
      ...base,
      kind: "bad_admin_key",
      message: "ElevenLabs refused Keydesk's admin key: it is missing, invalid or revoked.",
    });
  }
  if (status === 403) {
    return new UpstreamError({
      ...base,
      kind: "missing_rights",
      message:
        "ElevenLabs refused this action for Keydesk's admin key (no rights, or not from an allowed IP address).",
    });
  }
  if (status === 404) {
    return new UpstreamError({
      ...base,
      kind: "not_found",
      message: "ElevenLabs has no such service account or key (it may have been deleted).",
    });
  }
  if (status === 422) {
    const { field, message: msg } = validationDetail(error.body);
    const where = field?.length ? ` (${field.join(".")})` : "";
    return new UpstreamError({
      ...base,
      kind: "validation",
      field,
      message: `ElevenLabs refused a value${where}: ${msg ?? "invalid input"}.`,
    });
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(error.rawResponse?.headers.get("retry-after"));
    return new UpstreamError({
      ...base,
      kind: "rate_limited",
      retryAfterSeconds,
      message: rateLimitedMessage("ElevenLabs", retryAfterSeconds),
    });
  }
  if (status >= 500) {
    return new UpstreamError({
      ...base,
      kind: "unavailable",
      message: `ElevenLabs is unavailable right now (HTTP ${status}). Try again shortly.`,
    });
  }
  if (status >= 200 && status < 300) {
    return new UpstreamError({
      ...base,
      kind: "bad_response",
      message: "ElevenLabs answered with a response Keydesk could not read.",
    });
  }
  return new UpstreamError({
    ...base,
    kind: "rejected",
    message: `ElevenLabs refused the request${message ? `: ${message}` : ` (HTTP ${status})`}.`,
  });
}

/** The SDK's own response parser failed (a required field missing, a wrong type). */
function isSdkParseError(error: unknown): boolean {
  return error instanceof Error && (error.name === "ParseError" || error.name === "JsonError");
}

/**
 * Turns what the SDK (or the network under it) throws into an UpstreamError. Anything else is a
 * bug of ours and is thrown on unchanged, to become a bare 500.
 */
export function toUpstreamError(error: unknown): UpstreamError {
  if (UpstreamError.is(error)) return error;
  if (error instanceof ElevenLabsTimeoutError) {
    return new UpstreamError({ kind: "timeout", message: "ElevenLabs did not answer in time." });
  }
  if (error instanceof ElevenLabsError) {
    if (typeof error.statusCode === "number") return fromStatus(error, error.statusCode);
    // The base URL's address was refused (lib/http/upstream-address-fetch.ts): say so, not "could not reach".
    const refused = addressRefusedIn(error);
    if (refused)
      return new UpstreamError({
        kind: "unavailable",
        message: refused.message,
        field: ["baseUrl"],
        addressRefused: true,
      });
    return new UpstreamError({
      kind: "unavailable",
      requestId: error.requestId,
      message: "Keydesk could not reach ElevenLabs (the connection failed). Try again shortly.",
    });
  }
  if (isSdkParseError(error)) {
    return new UpstreamError({
      kind: "bad_response",
      message: "ElevenLabs answered with a response Keydesk could not read.",
    });
  }
  throw error;
}

// How an upstream failure reaches the browser: its kind picks Keydesk's error code.
const UPSTREAM_CODES: Record<UpstreamErrorKind, ErrorCode> = {
  bad_admin_key: "upstream_error",
  missing_rights: "upstream_error",
  bad_response: "upstream_error",
  not_found: "not_found",
  validation: "validation_failed",
  rejected: "conflict",
  rate_limited: "rate_limited",
  unavailable: "upstream_unavailable",
  timeout: "upstream_timeout",
};

export function fromUpstream(error: UpstreamError): ApiError {
  const retry = error.retryAfterSeconds;
  return new ApiError(UPSTREAM_CODES[error.kind], error.message, {
    fields: error.field ? [{ path: error.field, message: error.message }] : undefined,
    upstreamRequestId: error.requestId,
    retryAfterSeconds: retry,
    headers: retry !== undefined ? { "retry-after": String(Math.ceil(retry)) } : undefined,
  });
}
