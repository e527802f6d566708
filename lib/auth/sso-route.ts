// Keydesk's two single sign-on endpoints over better-auth's: starting (POST /sign-in/social, with a
// body Keydesk writes itself, so no caller picks the provider, the return URLs or an ID token) and
// the provider's return (GET /callback/oidc), which is audited: the sign-in (ok or why not), a
// first-time user (with the role their claims gave, or pending). No token is ever logged or audited.
import "server-only";
import { eq } from "drizzle-orm";
import { ApiError } from "@/lib/http/api-error";
import type { RequestInfo } from "@/lib/http/request-info";
import { appendAudit } from "@/lib/audit/append";
import { getDatabase } from "@/lib/db";
import { user as userTable } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { recordSsoEvent } from "./sso-events";
import { getAuth } from "./index";
import { oidcConfig, SSO_PROVIDER_ID } from "./oidc-config";
import { runSsoCallback } from "./sso-callback-state";
import { getSessionUser } from "./session";
import { finishSsoStepUp, STEP_UP_SSO_DONE_PATH, STEP_UP_SSO_PURPOSE } from "./step-up-sso";

export const SSO_CALLBACK_PATH = `/callback/${SSO_PROVIDER_ID}`;

function requireSso() {
  const config = oidcConfig(env());
  if (!config) throw new ApiError("not_found", "Single sign-on is not set up.");
  return config;
}

/** Starts the authorization code flow (state, PKCE and nonce by better-auth); answers { url } to go to. */
export async function startSsoSignIn(req: Request): Promise<Response> {
  requireSso();
  const auth = await getAuth();
  const headers = new Headers(req.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  // The only choice a caller has: the step-up popup asks to come back to its own page (step-up-sso.ts),
  // and for the provider to ask the person to sign in again (prompt=login), not wave through on its own session.
  const stepUp =
    ((await req.json().catch(() => null)) as { purpose?: unknown } | null)?.purpose === STEP_UP_SSO_PURPOSE;
  const back = stepUp
    ? {
        callbackURL: STEP_UP_SSO_DONE_PATH,
        newUserCallbackURL: STEP_UP_SSO_DONE_PATH,
        errorCallbackURL: STEP_UP_SSO_DONE_PATH,
        additionalParams: { prompt: "login" },
      }
    : { callbackURL: "/", newUserCallbackURL: "/", errorCallbackURL: "/sign-in" };
  const body = JSON.stringify({ provider: SSO_PROVIDER_ID, ...back, disableRedirect: true });
  const response = await auth.handler(new Request(req.url, { method: "POST", headers, body }));
  const out = new Headers(response.headers);
  out.delete("content-length");
  out.set("cache-control", "no-store");
  if (!response.ok)
    throw new ApiError(
      "not_configured",
      "The single sign-on provider cannot be reached right now. Try again in a minute.",
    );
  const { url } = (await response.json()) as { url?: string };
  out.set("content-type", "application/json");
  return new Response(JSON.stringify({ url }), { status: 200, headers: out });
}

/** A short, safe error code from the redirect better-auth answers with (the rest is the provider's words). */
function callbackError(response: Response): string | null {
  const location = response.headers.get("location");
  if (!location) return response.ok ? null : `http_${response.status}`;
  const error = new URL(location, "http://keydesk.invalid").searchParams.get("error");
  if (error === null) return null;
  return /^[a-z0-9_]{1,60}$/i.test(error) ? error.toLowerCase() : "invalid";
}

export async function finishSsoSignIn(req: Request, info: RequestInfo): Promise<Response> {
  requireSso();
  const auth = await getAuth();
  const previous = await getSessionUser(req.headers); // a step-up replaces this session (step-up-sso.ts)
  const { result: response, state } = await runSsoCallback(() => auth.handler(req));
  const error = callbackError(response);
  const { db } = await getDatabase();
  const [signedIn] = state.sessionUserId
    ? await db
        .select({ id: userTable.id, email: userTable.email, role: userTable.role })
        .from(userTable)
        .where(eq(userTable.id, state.sessionUserId))
        .limit(1)
    : [];
  if (state.created && signedIn) {
    await appendAudit(db, {
      action: "user_sso_created",
      actor: { userId: signedIn.id, email: signedIn.email, role: null },
      target: { userId: signedIn.id, name: signedIn.email },
      changes: {
        email: { before: null, after: signedIn.email },
        role: { before: null, after: state.created.role },
      },
      reason: state.mappedRole
        ? "role from the provider's claims"
        : "no claim maps to a role: waits for an admin",
      ip: info.ip,
      userAgent: info.userAgent,
      requestId: info.requestId,
      outcome: "ok",
    });
  }
  if (error || !signedIn) {
    await recordSsoEvent(info, { email: state.email, outcome: "error", errorCode: error ?? "no_session" });
  } else {
    await recordSsoEvent(info, {
      email: signedIn.email,
      userId: signedIn.id,
      role: signedIn.role ?? undefined,
      outcome: "ok",
    });
    await finishSsoStepUp(db, info, previous, signedIn.id, response);
  }
  const headers = new Headers(response.headers);
  headers.set("cache-control", "no-store");
  return new Response(response.body, { status: response.status, headers });
}
