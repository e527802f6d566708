// What Keydesk records about a request: where it came from and its id; and whether a change comes
// from Keydesk's own pages.
import "server-only";
import { env } from "@/lib/env";
import { readStamp } from "./request-stamp";

export interface RequestInfo {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** Set by requireRecentSignIn (lib/auth/step-up.ts) for a dangerous action; its audit row records it as `details`. */
  stepUp?: { steppedUp: boolean; verifiedAt: string };
}

/** The client's address is the one Keydesk's server hook stamped (the socket's, or through a
 * trusted proxy); never a header the client wrote. Without a stamp, it is unknown. */
export function requestInfo(req: Request): RequestInfo {
  return {
    requestId: crypto.randomUUID(),
    ip: readStamp(req.headers)?.clientIp ?? null,
    userAgent: req.headers.get("user-agent"),
  };
}

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isMutation(method: string): boolean {
  return MUTATIONS.has(method.toUpperCase());
}

/** The origin the client addressed: stamped by the server hook (the Host header, or a trusted
 * proxy's forwarded host and scheme), or else the request's own URL. */
function ownOrigin(req: Request): string | null {
  const stamp = readStamp(req.headers);
  if (stamp) return stamp.origin;
  try {
    return new URL(req.url).origin;
  } catch {
    return null;
  }
}

/**
 * A mutation must come from Keydesk's own pages: its Origin must be this scheme, host and port
 * (or KEYDESK_URL's, Keydesk's declared public address), and the browser must not call it
 * cross-site.
 */
export function isSameOrigin(req: Request): boolean {
  if (req.headers.get("sec-fetch-site")?.toLowerCase() === "cross-site") return false;
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return false;
  let claimed: string;
  try {
    claimed = new URL(origin).origin;
  } catch {
    return false;
  }
  if (claimed === "null") return false;
  const publicUrl = env().KEYDESK_URL;
  return claimed === ownOrigin(req) || (publicUrl !== undefined && claimed === new URL(publicUrl).origin);
}
