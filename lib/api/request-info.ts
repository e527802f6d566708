// What Keydesk records about a request: where it came from and its id.
import "server-only";

export interface RequestInfo {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** Set by requireRecentSignIn (lib/auth/step-up.ts) for a dangerous action; its audit row records it as `details`. */
  stepUp?: { steppedUp: boolean; verifiedAt: string };
}

export function requestInfo(req: Request): RequestInfo {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    requestId: crypto.randomUUID(),
    ip: forwarded || req.headers.get("x-real-ip") || null,
    userAgent: req.headers.get("user-agent"),
  };
}

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isMutation(method: string): boolean {
  return MUTATIONS.has(method.toUpperCase());
}

/** A mutation must come from Keydesk's own pages: its Origin must be this host. */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
