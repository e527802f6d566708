// DocSpace's JSON: the `{"response", "count", "links", "status", "statusCode"}` wrapper around
// every success, the `{"status": 1, "statusCode", "error": {"message"}}` body of every error, and
// the key object (ApiKeyResponseDto) with ISO 8601 UTC dates.
import type { DocspaceKey } from "./store";

export function envelope(response: unknown, status: number, href: string, method: string) {
  return {
    response,
    count: Array.isArray(response) ? response.length : 1,
    links: [{ href, action: method }],
    status: 0,
    statusCode: status,
  };
}

export function errorEnvelope(status: number, message: string) {
  return { status: 1, statusCode: status, error: { message } };
}

const date = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The key as the API prints it; `key` (the secret) only when given, i.e. in the create answer. */
export function keyToWire(key: DocspaceKey, secret?: string) {
  return {
    id: key.id,
    name: key.name,
    ...(secret === undefined ? {} : { key: secret }),
    keyPostfix: key.keyPostfix,
    permissions: [...key.permissions],
    lastUsed: date(key.lastUsed),
    createOn: date(key.createOn),
    createBy: { ...key.createBy },
    expiresAt: date(key.expiresAt),
    isActive: key.isActive,
  };
}
