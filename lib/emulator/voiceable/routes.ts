// Voiceable's key routes as Rails' resource routes match them: `/api/v1/api_keys` (index,
// create) and `/api/v1/api_keys/{id}` (show, update by PUT or PATCH, destroy). A trailing slash
// is ignored, paths are case-sensitive, HEAD is GET; anything else matches nothing (Rails has no 405).

export const BASE = "/api/v1/api_keys";

export type Action = "index" | "create" | "show" | "update" | "destroy";

/** Rails' resource routes: a trailing slash is ignored; paths are case-sensitive. */
export function route(method: string, path: string): { action: Action; id: string | null } | null {
  const trimmed = path.length > 1 ? path.replace(/\/$/, "") : path;
  const verb = method === "HEAD" ? "GET" : method;
  if (trimmed === BASE) {
    if (verb === "GET") return { action: "index", id: null };
    if (verb === "POST") return { action: "create", id: null };
    return null;
  }
  const member = trimmed.startsWith(`${BASE}/`) ? trimmed.slice(BASE.length + 1) : null;
  if (member === null || member === "" || member.includes("/")) return null;
  const action = ({ GET: "show", PUT: "update", PATCH: "update", DELETE: "destroy" } as const)[verb as "GET"];
  return action ? { action, id: member } : null;
}
