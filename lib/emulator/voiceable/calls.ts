// Starting a call (`POST /api/v1/calls`), the ordinary endpoint a Voiceable key is used for, so a
// key's secret can be tried as a widget or a server uses it and refused by the key's own limits:
// a public key's allowed origins against the request's `Origin`, the allowed assistants against
// the assistant asked for, and `transient_assistant` for an inline (unsaved) assistant. The route,
// the authentication (401) and the body's parsing (400) are the server's; this is the rest.
import type { VoiceableKey } from "./store";

export const CALLS = "/api/v1/calls";

export const originRefused = (origin: string | null) =>
  origin === null
    ? "A request without an Origin is not allowed for this API key."
    : `Origin ${origin} is not allowed for this API key.`;
export const assistantRefused = (id: string) => `Assistant ${id} is not allowed for this API key.`;
export const TRANSIENT_REFUSED = "Transient assistants are not allowed for this API key.";
export const ASSISTANT_MISSING = "Assistant can't be blank: give assistant_id or assistant";
export const ASSISTANT_BOTH = "Assistant must be given once: assistant_id or assistant, not both";
export const ASSISTANT_ID_INVALID = "Assistant id must be a non-empty string";
export const ASSISTANT_INVALID = "Assistant must be an object";

/** The call asked for: a saved assistant by id, or an inline one. */
export type CallRequest = { assistantId: string } | { inline: Record<string, unknown> };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The body's assistant, or the 422's messages (each starting with the field, as Rails prints). */
export function checkCall(
  body: Record<string, unknown>,
): { ok: true; value: CallRequest } | { ok: false; errors: string[] } {
  const { assistant_id: id, assistant } = body;
  if (id === undefined && assistant === undefined) return { ok: false, errors: [ASSISTANT_MISSING] };
  if (id !== undefined && assistant !== undefined) return { ok: false, errors: [ASSISTANT_BOTH] };
  if (id !== undefined)
    return typeof id === "string" && id.trim() !== ""
      ? { ok: true, value: { assistantId: id } }
      : { ok: false, errors: [ASSISTANT_ID_INVALID] };
  return isObject(assistant)
    ? { ok: true, value: { inline: assistant } }
    : { ok: false, errors: [ASSISTANT_INVALID] };
}

/**
 * Whether the request's `Origin` may use the key (checked before the body, as a CORS filter runs
 * first). Origins bind public keys only: a private key is used server-side, with no Origin. `key`
 * is null for the owner's admin key, which has no limits.
 */
export function originRefusal(key: VoiceableKey | null, origin: string | null): string | null {
  if (!key || key.keyType !== "public" || key.allowedOrigins.length === 0) return null;
  return origin !== null && key.allowedOrigins.includes(origin) ? null : originRefused(origin);
}

/** Whether the key may reach the assistant asked for (any key type): listed, or inline and transient. */
export function assistantRefusal(key: VoiceableKey | null, call: CallRequest): string | null {
  if (!key) return null;
  if ("assistantId" in call)
    return key.allowedAssistants.length > 0 && !key.allowedAssistants.includes(call.assistantId)
      ? assistantRefused(call.assistantId)
      : null;
  return key.transientAssistant ? null : TRANSIENT_REFUSED;
}
