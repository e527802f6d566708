// Error bodies in the shapes ElevenLabs uses. Every error carries the superset `detail` object
// (legacy `status` plus the newer `code`/`type`/`message`/`request_id`); request validation is the
// FastAPI 422 array instead.

export type ErrorType =
  | "validation_error"
  | "invalid_request"
  | "authentication_error"
  | "authorization_error"
  | "not_found"
  | "rate_limit_error"
  | "internal_error"
  | "service_unavailable";

export interface EmulatorError {
  status: number;
  code: string;
  type: ErrorType;
  message: string;
  headers?: Record<string, string>;
}

export function errorBody(error: Omit<EmulatorError, "status" | "headers">, requestId: string) {
  return {
    detail: {
      status: error.code,
      code: error.code,
      type: error.type,
      message: error.message,
      request_id: requestId,
    },
  };
}

export const authErrors = {
  missing: {
    status: 401,
    code: "needs_authorization",
    type: "authentication_error",
    message: "Neither authorization header nor xi-api-key received, please provide one.",
  },
  invalid: { status: 401, code: "invalid_api_key", type: "authentication_error", message: "Invalid API key" },
  // Service accounts are managed by workspace admins only: a service-account key never may.
  missingPermissions: {
    status: 401,
    code: "missing_permissions",
    type: "authentication_error",
    message:
      "The API key you used is missing the permission service_accounts_manage to execute this operation.",
  },
  ipNotAllowed: (ip: string): EmulatorError => ({
    status: 403,
    code: "ip_not_allowed",
    type: "authorization_error",
    message: `Requests from IP address ${ip} are not allowed for this API key.`,
  }),
} satisfies Record<string, EmulatorError | ((ip: string) => EmulatorError)>;

/** A key that lacks the scope an ordinary endpoint needs (API.md §5: 401, not 403). */
export function missingPermission(permission: string): EmulatorError {
  return {
    status: 401,
    code: "missing_permissions",
    type: "authentication_error",
    message: `The API key you used is missing the permission ${permission} to execute this operation.`,
  };
}

/**
 * A request that costs more credits than the key has left this month (DECISIONS.md, "Using keys"):
 * 401 `quota_exceeded` with the message ElevenLabs sends for a key's own credit limit.
 */
export function keyQuotaExceeded(
  keyName: string,
  limit: number,
  remaining: number,
  required: number,
): EmulatorError {
  return {
    status: 401,
    code: "quota_exceeded",
    type: "invalid_request",
    message: `This request exceeds your API key (${keyName}) quota of ${limit}. You have ${remaining} credits remaining, while ${required} credits are required for this request.`,
  };
}

export function voiceNotFound(voiceId: string): EmulatorError {
  return {
    status: 404,
    code: "voice_not_found",
    type: "not_found",
    message: `A voice with voice_id '${voiceId}' was not found.`,
  };
}

export function modelNotFound(modelId: string): EmulatorError {
  return {
    status: 400,
    code: "model_not_found",
    type: "invalid_request",
    message: `A model with model_id '${modelId}' was not found.`,
  };
}

export function notFound(what: "service_account" | "api_key" | "group", id: string): EmulatorError {
  const label = { service_account: "Service account", api_key: "API key", group: "Group" }[what];
  return {
    status: 404,
    code: "not_found",
    type: "not_found",
    message: `${label} with id '${id}' was not found.`,
  };
}

/** One entry of a FastAPI/pydantic v2 422 `detail` array. */
export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}
