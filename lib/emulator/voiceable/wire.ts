// Voiceable's JSON: `{"status": {"code", "message"}, "data"}` around a success,
// `{"status", "error", "errors", "details"}` for an error, and the key in snake_case with dates
// to the second.
import { OWNER, type VoiceableKey } from "./store";

/** HTTP reason phrases, for the error body's `error`. */
const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  413: "Payload Too Large",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};
export const reason = (status: number): string =>
  REASONS[status] ?? (status >= 500 ? "Server Error" : "Error");

export function success(code: number, message: string, data?: unknown) {
  return data === undefined ? { status: { code, message } } : { status: { code, message }, data };
}

export function errorBody(code: number, message: string, errors: string[] = [message]) {
  return { status: { code, message }, error: reason(code), errors, details: null };
}

const date = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The key as the API prints it; `key_value` is the secret in the create answer, null elsewhere. */
export function keyToWire(key: VoiceableKey, secret: string | null = null) {
  return {
    id: key.id,
    key_type: key.keyType,
    name: key.name,
    key_value: secret,
    allowed_origins: [...key.allowedOrigins],
    allowed_assistants: [...key.allowedAssistants],
    transient_assistant: key.transientAssistant,
    user_id: OWNER.id,
    user_email: OWNER.email,
    created_at: date(key.createdAt),
    updated_at: date(key.updatedAt),
  };
}
