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

/** Where a path falls: the key endpoints, or the resource area whose scopes reach it. */
export type Area = "keys" | "accounts.self" | "accounts" | "files" | "rooms";

/** The scope a request needs on a resource area: the area's read scope for a GET, else its write. */
export function scopeNeeded(area: Exclude<Area, "keys">, method: string): Scope {
  return `${area}:${method === "GET" ? "read" : "write"}` as Scope;
}

/**
 * Whether the key's scopes reach a resource area: unrestricted (`[]`), `*:write`, `*:read` for a
 * GET, the needed scope itself, or its area's write scope for a read. `accounts:*` also reaches
 * `/people/@self`, since that path is under `/people` too.
 */
export function scopesAllowArea(
  permissions: readonly Scope[],
  area: Exclude<Area, "keys">,
  method: string,
): boolean {
  if (scopesAllowKeyManagement(permissions, method)) return true;
  const areas = area === "accounts.self" ? ["accounts.self", "accounts"] : [area];
  return areas.some((a) => {
    const needed = scopeNeeded(a as Exclude<Area, "keys">, method);
    return permissions.includes(needed) || permissions.includes(`${a}:write` as Scope);
  });
}
