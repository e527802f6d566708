// Re-verifying for a dangerous action: the password, and a current code (or a recovery code) when
// the person uses two-factor sign-in, checked by better-auth; then the session is stamped (see
// step-up.ts) and the re-verification is on the audit log. Wrong tries are counted and throttled.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import type { RequestInfo } from "@/lib/http/request-info";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Auth } from "./auth";
import { recordAccountEvent } from "./auth-events";
import type { SessionUser } from "./session";
import { markReauthenticated } from "./step-up";
import { stepUpMethods } from "./step-up-methods";
import { verifySecondFactor } from "./second-factor";
import { authErrorCode, wrongCode, wrongPassword } from "./two-factor-errors";
import { assertNotThrottled } from "./two-factor-throttle";

export async function reauthenticate(
  auth: Auth,
  db: Db,
  headers: Headers,
  user: SessionUser,
  info: RequestInfo,
  input: { password: string; code?: string },
): Promise<{ verifiedAt: string }> {
  if (!user.sessionId) throw new ApiError("unauthenticated", "Sign in to continue.");
  await assertNotThrottled(db, user.id);
  const fail = (errorCode: string) =>
    recordAccountEvent("reauthenticated", info, user, { outcome: "error", errorCode });
  const methods = await stepUpMethods(db, env(), user.id);
  if (!methods.withPassword) {
    const how = methods.sso
      ? `confirm with ${methods.sso.name} instead`
      : "sign out and sign in again instead";
    throw new ApiError(
      "validation_failed",
      `password: you have no Keydesk password to confirm with: ${how}`,
      { fields: [{ path: ["password"], message: `You have no Keydesk password to confirm with: ${how}.` }] },
    );
  }
  if (user.twoFactorEnabled && !input.code) {
    throw new ApiError("validation_failed", "code: enter the code from your authenticator app", {
      fields: [
        {
          path: ["code"],
          message: "Enter the 6-digit code from your authenticator app, or a recovery code.",
        },
      ],
    });
  }
  try {
    await auth.api.verifyPassword({ body: { password: input.password }, headers });
  } catch (error) {
    if (authErrorCode(error) !== "INVALID_PASSWORD") throw error;
    await fail("wrong_password");
    throw wrongPassword();
  }
  let method = "password";
  if (user.twoFactorEnabled && input.code) {
    const factor = await verifySecondFactor(auth, headers, input.code);
    if (!factor) {
      await fail("invalid_code");
      throw wrongCode();
    }
    method = `password+${factor}`;
  }
  const at = new Date();
  await markReauthenticated(db, user.sessionId, at);
  await recordAccountEvent("reauthenticated", info, user, { outcome: "ok" }, { details: { method } });
  return { verifiedAt: at.toISOString() };
}
