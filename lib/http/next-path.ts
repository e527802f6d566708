// Where to go after signing in: only a path on this site. A value that a browser could read as
// another site (`//evil.example`, `/\evil.example`, `https://…`, `javascript:…`) is refused, so
// the sign-in page can never be used to send someone elsewhere (no open redirect).

const BASE = "http://keydesk.invalid";

/** `value` as a same-site path (`/inventory?flag=stale`), or null when it is not one. */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  // Backslashes and control characters: browsers read `/\host` as `//host`.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE || url.pathname === "/sign-in") return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** The sign-in page, remembering where the person was going (nothing to remember for `/`). */
export function signInPath(wanted: string): string {
  const next = safeNextPath(wanted);
  return next && next !== "/" ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
}
