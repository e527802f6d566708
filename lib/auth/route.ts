// better-auth's HTTP surface, cut down to what Keydesk's pages use: signing in and signing out.
// Its other endpoints (sign-up, admin user management, session listing) are not exposed: user
// management goes through Keydesk's own handlers, which check roles and write the audit log.
// Response bodies are reduced so that no session token ever leaves in a body (only in the cookie).
import "server-only";
import { z } from "zod";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { isSameOrigin, requestInfo, type RequestInfo } from "@/lib/api/request-info";
import { recordAuthEvent } from "./auth-events";
import { getDatabase } from "@/lib/db";
import { getAuth } from "./index";
import { signInPause } from "./sign-in-throttle";
import { getSessionUser } from "./session";
import { isSecondFactorPath, secondFactorChallenge, verifySecondFactor } from "./two-factor-sign-in";

const PREFIX = "/api/auth";

async function signIn(req: Request, info: RequestInfo): Promise<Response> {
  const auth = await getAuth();
  // Only a well-formed address is recorded: whatever else was typed (a pasted secret, a password
  // in the wrong field) stays out of the audit log.
  const attempted = await req
    .clone()
    .json()
    .then((b: { email?: unknown }) => {
      const email = typeof b.email === "string" ? b.email.trim().toLowerCase() : "";
      return email.length <= 320 && z.email().safeParse(email).success ? email : null;
    })
    .catch(() => null);
  if (attempted) {
    const pause = await signInPause((await getDatabase()).db, attempted);
    if (pause > 0) {
      await recordAuthEvent("sign_in", info, { email: attempted, outcome: "error", errorCode: "rate_limited" });
      const minutes = Math.ceil(pause / 60);
      throw new ApiError("rate_limited", `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
        headers: { "retry-after": String(pause) },
        retryAfterSeconds: pause,
      });
    }
  }
  const response = await auth.handler(req);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("cache-control", "no-store");
  if (!response.ok) {
    await recordAuthEvent("sign_in", info, { email: attempted, outcome: "error", errorCode: response.status === 429 ? "rate_limited" : `http_${response.status}` });
    const retryAfter = response.headers.get("x-retry-after") ?? response.headers.get("retry-after");
    const error =
      response.status === 429
        ? new ApiError("rate_limited", "Too many sign-in attempts from this address. Wait a minute and try again.", { headers: retryAfter ? { "retry-after": retryAfter } : undefined })
        : new ApiError("unauthenticated", "That email and password do not match an enabled Keydesk account.");
    return errorResponse(error, info.requestId);
  }
  const body = (await response.json()) as { user?: { id: string; email: string; name: string; role?: string } };
  // Two-factor sign-in on: no session yet, a code comes next (two-factor-sign-in.ts audits that step).
  if ((body as { twoFactorRedirect?: boolean }).twoFactorRedirect) return secondFactorChallenge(headers);
  const user = body.user ? { id: body.user.id, email: body.user.email, name: body.user.name, role: body.user.role ?? null } : null;
  await recordAuthEvent("sign_in", info, { email: user?.email ?? attempted, userId: user?.id, role: user?.role ?? undefined, outcome: "ok" });
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ user }), { status: 200, headers });
}

async function signOut(req: Request, info: RequestInfo): Promise<Response> {
  const auth = await getAuth();
  const user = await getSessionUser(req.headers);
  const response = await auth.handler(req);
  if (user && response.ok) await recordAuthEvent("sign_out", info, { email: user.email, userId: user.id, role: user.role, outcome: "ok" });
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ signedOut: true }), { status: 200, headers });
}

async function handle(req: Request): Promise<Response> {
  const info = requestInfo(req);
  const path = new URL(req.url).pathname.slice(PREFIX.length);
  try {
    if (req.method === "POST" && (path === "/sign-in/email" || path === "/sign-out")) {
      if (!isSameOrigin(req)) throw new ApiError("cross_origin", "Changes are only accepted from Keydesk's own pages.");
      return path === "/sign-in/email" ? await signIn(req, info) : await signOut(req, info);
    }
    if (req.method === "POST" && isSecondFactorPath(path)) {
      if (!isSameOrigin(req)) throw new ApiError("cross_origin", "Changes are only accepted from Keydesk's own pages.");
      return await verifySecondFactor(req, info, path);
    }
    throw new ApiError("not_found", "No such sign-in endpoint.");
  } catch (error) {
    return errorResponse(error, info.requestId);
  }
}

export const authRoute = { GET: handle, POST: handle };
