// DocSpace's API-key scopes, in the order GET /api/2.0/keys/permissions lists them, and what a
// key's scopes let it do with the key endpoints themselves.

export const SCOPES = [
  "*",
  "*:read",
  "*:write",
  "accounts.self:read",
  "accounts.self:write",
  "accounts:read",
  "accounts:write",
  "files:read",
  "files:write",
  "rooms:read",
  "rooms:write",
] as const;
export type Scope = (typeof SCOPES)[number];

export const isScope = (value: unknown): value is Scope => SCOPES.includes(value as Scope);

/**
 * The key endpoints match no resource pattern, so they need the catch-all scopes: `*:read` (or
 * `*:write`, which grants read) for a GET, `*:write` otherwise. An unrestricted key (`[]`) may all.
 */
export function scopesAllowKeyManagement(permissions: readonly Scope[], method: string): boolean {
  if (permissions.length === 0) return true;
  if (permissions.includes("*:write")) return true;
  return method === "GET" && permissions.includes("*:read");
}
