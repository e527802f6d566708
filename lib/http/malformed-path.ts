// A path Next.js cannot decode (`/api/%ZZ`, a cut-off UTF-8 sequence) is the client's mistake: a
// 400, in JSON under /api like every other API error, with the usual security headers.
import "server-only";
import { contentSecurityPolicy, OTHER_SECURITY_HEADERS } from "./security-policy.mjs";

export interface EarlyAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The answer for a request target whose path does not decode, or null when it does. */
export function malformedPathAnswer(target: string): EarlyAnswer | null {
  const path = target.split(/[?#]/, 1)[0]!;
  if (decodes(path)) return null;
  const headers: Record<string, string> = {
    "cache-control": "no-store",
    "content-security-policy": contentSecurityPolicy({ dev: false }),
  };
  for (const { key, value } of OTHER_SECURITY_HEADERS) headers[key.toLowerCase()] = value;
  const message = "The address has a malformed percent-escape (%xx).";
  if (path === "/api" || path.startsWith("/api/")) {
    const body = JSON.stringify({ error: { code: "bad_request", message, requestId: crypto.randomUUID() } });
    return { status: 400, headers: { ...headers, "content-type": "application/json" }, body };
  }
  return {
    status: 400,
    headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
    body: `${message}\n`,
  };
}
