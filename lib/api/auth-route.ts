// better-auth's HTTP surface, cut down to what Keydesk's pages use: signing in and signing out.
// Its other endpoints (sign-up, admin user management, session listing) are not exposed: user
// management goes through Keydesk's own handlers, which check roles and write the audit log.
// better-auth never reads the client's request body: Keydesk parses it, counts the attempt, and
// hands better-auth a fresh request (sign-in-request.ts). Response bodies are reduced so that no
// session token ever leaves in a body (only in the cookie).
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { isSameOrigin, requestInfo, type RequestInfo } from "@/lib/http/request-info";
import { getDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { recordHttpRequest } from "@/lib/log/metrics";
import { recordAuthEvent } from "@/lib/auth/auth-events";
import { getAuth } from "@/lib/auth/index";
import { betterAuthRequest, readSignInBody } from "@/lib/auth/sign-in-request";
import {
  clearSignInAttempts,
  forgetExpiredSignInAttempts,
  releaseSignInAttempt,
  reserveSignInAttempt,
} from "@/lib/auth/sign-in-throttle";
import { getSessionUser } from "@/lib/auth/session";
import { passwordSignInEnabled } from "@/lib/auth/oidc-config";
import { finishSsoSignIn, SSO_CALLBACK_PATH, startSsoSignIn } from "@/lib/auth/sso-route";
import { isSecondFactorPath, secondFactorChallenge, verifySecondFactor } from "@/lib/auth/two-factor-sign-in";

const PREFIX = "/api/auth";
const WRONG = "That email and password do not match an enabled Keydesk account.";

let attemptsSinceCleanup = 0;

async function signIn(req: Request, info: RequestInfo): Promise<Response> {
  const { email, password } = await readSignInBody(req);
  if (!email) {
    await recordAuthEvent("sign_in", info, { email: null, outcome: "error", errorCode: "http_401" });
    throw new ApiError("unauthenticated", WRONG);
  }
  const { db } = await getDatabase();
  const windowSeconds = env().KEYDESK_SIGN_IN_PAUSE_SECONDS;
  if (++attemptsSinceCleanup >= 100) {
    attemptsSinceCleanup = 0;
    await forgetExpiredSignInAttempts(db, windowSeconds);
  }
  const reservation = await reserveSignInAttempt(db, email, windowSeconds);
  if (!reservation.allowed) {
    await recordAuthEvent("sign_in", info, { email, outcome: "error", errorCode: "rate_limited" });
    const pause = reservation.retryAfterSeconds;
    const minutes = Math.ceil(pause / 60);
    throw new ApiError(
      "rate_limited",
      `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      {
        headers: { "retry-after": String(pause) },
        retryAfterSeconds: pause,
      },
    );
  }
  const auth = await getAuth();
  const response = await auth.handler(betterAuthRequest(req, { email, password }, info.ip));
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("cache-control", "no-store");
  if (!response.ok) {
    // Refused by the per-address limit: the password was never checked, so the slot is given back.
    if (response.status === 429) await releaseSignInAttempt(db, reservation);
    await recordAuthEvent("sign_in", info, {
      email,
      outcome: "error",
      errorCode: response.status === 429 ? "rate_limited" : `http_${response.status}`,
    });
    const retryAfter = response.headers.get("x-retry-after") ?? response.headers.get("retry-after");
    const error =
      response.status === 429
        ? new ApiError(
            "rate_limited",
            "Too many sign-in attempts from this address. Wait a minute and try again.",
            { headers: retryAfter ? { "retry-after": retryAfter } : undefined },
          )
        : new ApiError("unauthenticated", WRONG);
    return errorResponse(error, info.requestId);
  }
  const body = (await response.json()) as {
    user?: { id: string; email: string; name: string; role?: string };
  };
  // Two-factor sign-in on: no session yet, a code comes next (two-factor-sign-in.ts audits that step).
  // The attempt count is not cleared until the code is right, so a known password cannot reset it
  // between code guesses.
  if ((body as { twoFactorRedirect?: boolean }).twoFactorRedirect) return secondFactorChallenge(headers);
  await clearSignInAttempts(db, email);
  const user = body.user
    ? { id: body.user.id, email: body.user.email, name: body.user.name, role: body.user.role ?? null }
    : null;
  await recordAuthEvent("sign_in", info, {
    email: user?.email ?? email,
    userId: user?.id,
    role: user?.role ?? undefined,
    outcome: "ok",
  });
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ user }), { status: 200, headers });
}

/** Ends the session whatever the client's body was (better-auth only gets an empty JSON one). */
async function signOut(req: Request, info: RequestInfo): Promise<Response> {
  const auth = await getAuth();
  const user = await getSessionUser(req.headers);
  const response = await auth.handler(betterAuthRequest(req, {}, info.ip));
  if (!response.ok) throw new Error(`sign-out failed with HTTP ${response.status}`);
  if (user)
    await recordAuthEvent("sign_out", info, {
      email: user.email,
      userId: user.id,
      role: user.role,
      outcome: "ok",
    });
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify({ signedOut: true }), { status: 200, headers });
}

async function handle(req: Request): Promise<Response> {
  const info = requestInfo(req);
  const path = new URL(req.url).pathname.slice(PREFIX.length);
  try {
    // Single sign-on: starting it (from Keydesk's sign-in page), and the provider sending the person back.
    if (req.method === "POST" && path === "/sign-in/social") {
      if (!isSameOrigin(req))
        throw new ApiError("cross_origin", "Changes are only accepted from Keydesk's own pages.");
      return await startSsoSignIn(req);
    }
    if (req.method === "GET" && path === SSO_CALLBACK_PATH) return await finishSsoSignIn(req, info);
    if (req.method === "POST" && path === "/sign-in/email" && !passwordSignInEnabled(env())) {
      throw new ApiError("forbidden", "Password sign-in is switched off: sign in with single sign-on.");
    }
    if (req.method === "POST" && (path === "/sign-in/email" || path === "/sign-out")) {
      if (!isSameOrigin(req))
        throw new ApiError("cross_origin", "Changes are only accepted from Keydesk's own pages.");
      return path === "/sign-in/email" ? await signIn(req, info) : await signOut(req, info);
    }
    if (req.method === "POST" && isSecondFactorPath(path)) {
      if (!isSameOrigin(req))
        throw new ApiError("cross_origin", "Changes are only accepted from Keydesk's own pages.");
      return await verifySecondFactor(req, info, path);
    }
    throw new ApiError("not_found", "No such sign-in endpoint.");
  } catch (error) {
    return errorResponse(error, info.requestId);
  }
}

/** The route's pattern, its one label on the metrics (never the path after it). */
const PATTERN = `${PREFIX}/[...all]`;

async function counted(req: Request): Promise<Response> {
  const started = performance.now();
  const response = await handle(req);
  recordHttpRequest(req.method, PATTERN, response.status, (performance.now() - started) / 1000);
  return response;
}

export const authRoute = { GET: counted, POST: counted };
