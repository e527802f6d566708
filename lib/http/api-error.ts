// The error every route handler throws, and one table from its codes to HTTP statuses. The
// envelope it becomes is lib/http/error-response.ts:
// { "error": { "code", "message", "fields"?, "requestId", "upstreamRequestId"?, "retryAfterSeconds"?, "current"?, "outcome"? } }
// (`current`: on a 409 edit conflict, the resource as it is now, so the person can redo the edit;
// `outcome`: after an uncertain upstream write, "applied", "not_applied" or "unknown".)
import "server-only";
import { errorBrand, hasBrand } from "@/lib/branded-error";
import type { $ZodError } from "zod/v4/core";

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

/** A 422 from a failed parse, classic zod or zod/mini alike (both fail with the core's issues). */
export function fromZod(error: $ZodError, prefix: "body" | "params" | "query"): ApiError {
  const fields = error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: issue.message,
  }));
  const first = fields[0];
  const where = first?.path.length ? first.path.join(".") : prefix;
  return new ApiError("validation_failed", first ? `${where}: ${first.message}` : `Invalid ${prefix}`, {
    fields,
  });
}
