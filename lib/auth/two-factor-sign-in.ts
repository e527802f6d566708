// The second sign-in step for people with two-factor sign-in on. The password step (route.ts) ends,
// for them, with better-auth's short-lived `two_factor` cookie and no session; this step sends the
// code (or a recovery code) to better-auth, which checks it, limits tries (5 per password step, and
// locks the second factor for 15 minutes after 10 failures in a row) and makes the session. Keydesk
// forwards only the code (never "trust this device"), audits the outcome, and strips the session
// token from the answer.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import type { RequestInfo } from "@/lib/http/request-info";
import { getDatabase } from "@/lib/db";
import { user as userTable, verification } from "@/lib/db/schema";
import { recordAuthEvent } from "./auth-events";
import { getAuth } from "./index";
import { env } from "@/lib/env";
import {
  clearSignInAttempts,
  releaseSignInAttempt,
  reserveSignInAttempt,
  type Reservation,
} from "./sign-in-throttle";

export const SECOND_FACTOR_PATHS = {
  "/two-factor/verify-totp": "totp",
  "/two-factor/verify-backup-code": "recovery_code",
} as const;
export type SecondFactorPath = keyof typeof SECOND_FACTOR_PATHS;

export function isSecondFactorPath(path: string): path is SecondFactorPath {
  return Object.hasOwn(SECOND_FACTOR_PATHS, path);
}

/** The password was right and a code is needed: the answer says so, keeping better-auth's cookie. */
export function secondFactorChallenge(headers: Headers): Response {
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ twoFactorRequired: true }), { status: 200, headers });
}

/**
 * Whose sign-in this is, for the audit log and the per-account throttle only: the user named by
 * the pending challenge in better-auth's `two_factor` cookie (better-auth itself checks the
 * cookie's signature before trusting it).
 */
async function pendingSignInUser(
  req: Request,
): Promise<{ id: string; email: string; role: string | null } | null> {
  const cookies = req.headers.get("cookie") ?? "";
  const raw = cookies
    .split(";")
    .map((c) => c.trim())
    .find((c) => /^(__Secure-)?better-auth\.two_factor=/.test(c));
  if (!raw) return null;
  const value = decodeURIComponent(raw.slice(raw.indexOf("=") + 1));
  const identifier = value.slice(0, value.lastIndexOf(".") > 0 ? value.lastIndexOf(".") : value.length);
  if (!/^2fa-[A-Za-z0-9_-]{10,64}$/.test(identifier)) return null;
  const { db } = await getDatabase();
  const [row] = await db
    .select({ id: userTable.id, email: userTable.email, role: userTable.role })
    .from(verification)
    .innerJoin(userTable, eq(userTable.id, verification.value))
    .where(eq(verification.identifier, identifier))
    .limit(1);
  return row ?? null;
}

const codeBody = z.object({ code: z.string().trim().min(1).max(32) });

export async function verifySecondFactor(
  req: Request,
  info: RequestInfo,
  path: SecondFactorPath,
): Promise<Response> {
  const method = SECOND_FACTOR_PATHS[path];
  const parsed = codeBody.safeParse(await req.json().catch(() => null));
  if (!parsed.success) {
    throw new ApiError("validation_failed", "code: enter the code", {
      fields: [
        {
          path: ["code"],
          message: "Enter the 6-digit code from your authenticator app, or a recovery code.",
        },
      ],
    });
  }
  const pending = await pendingSignInUser(req);
  // Each code tried takes a slot of the account's sign-in attempts (the same count as passwords).
  const { db } = await getDatabase();
  let reservation: Reservation | null = null;
  if (pending) {
    reservation = await reserveSignInAttempt(db, pending.email, env().KEYDESK_SIGN_IN_PAUSE_SECONDS);
    if (!reservation.allowed) {
      const pause = reservation.retryAfterSeconds;
      await recordAuthEvent("sign_in", info, {
        email: pending.email,
        userId: pending.id,
        outcome: "error",
        errorCode: "rate_limited",
        details: { secondFactor: method },
      });
      throw new ApiError("rate_limited", "Too many failed sign-ins for this account. Try again later.", {
        headers: { "retry-after": String(pause) },
        retryAfterSeconds: pause,
      });
    }
  }
  // Only the code goes on: no trustDevice, no disableSession.
  const forwardedHeaders = new Headers(req.headers);
  forwardedHeaders.delete("content-length");
  const forwarded = new Request(req.url, {
    method: "POST",
    headers: forwardedHeaders,
    body: JSON.stringify({ code: parsed.data.code }),
  });
  const response = await (await getAuth()).handler(forwarded);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.set("cache-control", "no-store");
  if (!response.ok) {
    if (response.status === 429 && reservation?.allowed) await releaseSignInAttempt(db, reservation);
    const authCode = (
      (await response
        .clone()
        .json()
        .catch(() => null)) as { code?: string } | null
    )?.code;
    const challengeOver =
      authCode === "INVALID_TWO_FACTOR_COOKIE" || authCode === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE";
    const errorCode =
      response.status === 429
        ? "rate_limited"
        : challengeOver
          ? "second_factor_expired"
          : method === "totp"
            ? "invalid_totp_code"
            : "invalid_recovery_code";
    await recordAuthEvent("sign_in", info, {
      email: pending?.email ?? null,
      userId: pending?.id,
      role: pending?.role ?? undefined,
      outcome: "error",
      errorCode,
      details: { secondFactor: method },
    });
    const retryAfter = response.headers.get("x-retry-after") ?? response.headers.get("retry-after");
    const error =
      response.status === 429
        ? new ApiError("rate_limited", "Too many tries. Wait a minute, then sign in again.", {
            headers: retryAfter ? { "retry-after": retryAfter } : undefined,
          })
        : challengeOver
          ? new ApiError(
              "unauthenticated",
              "This sign-in has expired or had too many wrong codes. Sign in again with your password.",
            )
          : new ApiError("validation_failed", "code: that code is not right", {
              fields: [
                {
                  path: ["code"],
                  message:
                    method === "totp"
                      ? "That code is not right. Use the code your app shows now."
                      : "That recovery code is not right, or was already used.",
                },
              ],
            });
    const refused = errorResponse(error, info.requestId);
    // better-auth's cookie changes (an ended challenge) still reach the browser.
    for (const cookie of headers.getSetCookie()) refused.headers.append("set-cookie", cookie);
    return refused;
  }
  if (pending) await clearSignInAttempts(db, pending.email);
  const body = (await response.json()) as {
    user?: { id: string; email: string; name: string; role?: string };
  };
  const user = body.user
    ? { id: body.user.id, email: body.user.email, name: body.user.name, role: body.user.role ?? null }
    : null;
  await recordAuthEvent("sign_in", info, {
    email: user?.email ?? pending?.email ?? null,
    userId: user?.id,
    role: user?.role ?? undefined,
    outcome: "ok",
    details: { secondFactor: method },
  });
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ user }), { status: 200, headers });
}
