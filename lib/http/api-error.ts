// One error envelope for every route handler, and one table from error codes to HTTP statuses:
// { "error": { "code", "message", "fields"?, "requestId", "upstreamRequestId"?, "retryAfterSeconds"?, "current"?, "outcome"? } }
// (`current`: on a 409 edit conflict, the resource as it is now, so the person can redo the edit;
// `outcome`: after an uncertain upstream write, "applied", "not_applied" or "unknown".)
import "server-only";
import { errorBrand, hasBrand } from "@/lib/branded-error";
import { z } from "zod";
import { ConfigError } from "@/lib/auth/secret";
import { UpstreamError, type UpstreamErrorKind } from "@/lib/elevenlabs/errors";
import { logServerError } from "@/lib/log/server-error";

export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  cross_origin: 403,
  /** A dangerous action needs a sign-in (or a re-entered password) within the last few minutes: lib/auth/step-up.ts. */
  reauth_required: 403,
  /** The person's role must use two-factor sign-in and they have not enrolled yet: lib/auth/two-factor-policy.ts. */
  enrolment_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  upstream_error: 502,
  upstream_unavailable: 503,
  upstream_timeout: 504,
  not_configured: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: (string | number)[];
  message: string;
}

const API_ERROR = errorBrand("ApiError");

export class ApiError extends Error {
  override name = "ApiError";
  readonly [API_ERROR] = true;

  /** `instanceof` across duplicated copies of this module (see lib/branded-error.ts). */
  static is(value: unknown): value is ApiError {
    return hasBrand(value, API_ERROR);
  }

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      fields?: FieldError[];
      headers?: Record<string, string>;
      upstreamRequestId?: string;
      retryAfterSeconds?: number;
      current?: unknown;
      /** After an uncertain upstream write: what re-reading the upstream found (lib/keys/reconcile.ts). */
      outcome?: "applied" | "not_applied" | "unknown";
    } = {},
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

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

export function fromZod(error: z.ZodError, prefix: "body" | "params" | "query"): ApiError {
  const fields = error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: issue.message }));
  const first = fields[0];
  const where = first?.path.length ? first.path.join(".") : prefix;
  return new ApiError("validation_failed", first ? `${where}: ${first.message}` : `Invalid ${prefix}`, { fields });
}

/** The envelope for any thrown value. Unknown errors become a bare 500 with only the request id. */
export function errorResponse(error: unknown, requestId: string): Response {
  const api =
    ApiError.is(error)
      ? error
      : UpstreamError.is(error)
        ? fromUpstream(error)
        : error instanceof z.ZodError
          ? fromZod(error, "body")
          : ConfigError.is(error)
            ? new ApiError("not_configured", error.message)
            : null;
  if (!api) {
    // Never the error as it is: a stack or a cause could carry an upstream body, and a database
    // error carries the statement's parameters (names, emails, IPs). See lib/log/server-error.ts.
    logServerError("unexpected error", error, requestId);
    return Response.json({ error: { code: "internal", message: "Something went wrong on Keydesk's side.", requestId } }, { status: 500, headers: { "cache-control": "no-store" } });
  }
  const { fields, upstreamRequestId, retryAfterSeconds, headers, current, outcome } = api.extra;
  return Response.json(
    {
      error: {
        code: api.code,
        message: api.message,
        ...(fields ? { fields } : {}),
        requestId,
        ...(upstreamRequestId ? { upstreamRequestId } : {}),
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
        ...(current !== undefined ? { current } : {}),
        ...(outcome !== undefined ? { outcome } : {}),
      },
    },
    { status: api.status, headers: { "cache-control": "no-store", ...headers } },
  );
}
