// Two-factor sign-in with TOTP, by better-auth's twoFactor plugin, called server-side from
// Keydesk's own handlers (/api/account/two-factor): enrol (password → secret shown as a QR code and
// an otpauth URI), confirm with a code (→ recovery codes, shown once), disable (password + code).
// better-auth stores the secret and the recovery codes encrypted with the auth secret; neither is
// ever logged or audited, and only the enrolment answers carry them.
import "server-only";
import { eq } from "drizzle-orm";
import { renderSVG } from "uqr";
import { ApiError } from "@/lib/http/api-error";
import type { Db } from "@/lib/db";
import { twoFactor } from "@/lib/db/schema";
import type { Auth } from "./auth";
import { recordAccountEvent } from "./auth-events";
import type { RequestInfo } from "@/lib/http/request-info";
import type { SessionUser } from "./session";
import { twoFactorRequiredFor } from "./two-factor-policy";
import { assertNotThrottled } from "./two-factor-throttle";
import { verifySecondFactor, type SecondFactorMethod } from "./second-factor";
import { authErrorCode, wrongCode, wrongPassword } from "./two-factor-errors";

export { authErrorCode, wrongCode, wrongPassword };

export interface TwoFactorStatus {
  enabled: boolean;
  /** Enrolment started (secret made) but not confirmed with a code yet. */
  pending: boolean;
  /** The person's role must use it (KEYDESK_REQUIRE_2FA). */
  required: boolean;
}

export async function twoFactorStatus(db: Db, user: SessionUser): Promise<TwoFactorStatus> {
  const [row] = await db
    .select({ verified: twoFactor.verified })
    .from(twoFactor)
    .where(eq(twoFactor.userId, user.id))
    .limit(1);
  const enabled = user.twoFactorEnabled === true;
  return {
    enabled,
    pending: !enabled && row !== undefined && row.verified === false,
    required: twoFactorRequiredFor(user.role),
  };
}

/** The QR code of an otpauth URI, as an SVG data URL (allowed by the page's `img-src 'self' data:`). */
export function qrDataUrl(uri: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(renderSVG(uri, { border: 2 })).toString("base64")}`;
}

/** Step 1: a new secret (replacing an unconfirmed one). The recovery codes come after the code is confirmed. */
export async function startEnrolment(
  auth: Auth,
  db: Db,
  headers: Headers,
  user: SessionUser,
  info: RequestInfo,
  password: string,
): Promise<{ totpURI: string; qr: string }> {
  if (user.twoFactorEnabled)
    throw new ApiError("conflict", "Two-factor sign-in is already on for your account.");
  await assertNotThrottled(db, user.id);
  try {
    const made = await auth.api.enableTwoFactor({ body: { password, method: "totp" }, headers });
    if (made.method !== "totp") throw new ApiError("internal", "No secret was made.");
    return { totpURI: made.totpURI, qr: qrDataUrl(made.totpURI) };
  } catch (error) {
    if (authErrorCode(error) === "INVALID_PASSWORD") {
      await recordAccountEvent(
        "two_factor_enabled",
        info,
        user,
        { outcome: "error", errorCode: "wrong_password" },
        { db },
      );
      throw wrongPassword();
    }
    if (authErrorCode(error) === "TOTP_ALREADY_ENABLED")
      throw new ApiError("conflict", "Two-factor sign-in is already on for your account.");
    throw error;
  }
}

/** Step 2: the first code proves the app holds the secret; two-factor sign-in is then on, and the recovery codes are shown (once). */
export async function confirmEnrolment(
  auth: Auth,
  db: Db,
  headers: Headers,
  user: SessionUser,
  info: RequestInfo,
  code: string,
): Promise<{ backupCodes: string[] }> {
  await assertNotThrottled(db, user.id);
  const status = await twoFactorStatus(db, user);
  if (status.enabled) throw new ApiError("conflict", "Two-factor sign-in is already on for your account.");
  if (!status.pending)
    throw new ApiError("conflict", "Start the set-up again: no secret is waiting for a code.");
  try {
    await auth.api.verifyTOTP({ body: { code }, headers });
  } catch (error) {
    if (authErrorCode(error) === "INVALID_CODE") {
      await recordAccountEvent(
        "two_factor_enabled",
        info,
        user,
        { outcome: "error", errorCode: "invalid_code" },
        { db },
      );
      throw wrongCode();
    }
    throw error;
  }
  // Server-only: better-auth decrypts the codes made at step 1 (recoveryCodesLeft only counts them).
  const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId: user.id } });
  await recordAccountEvent("two_factor_enabled", info, user, { outcome: "ok" }, { db });
  return { backupCodes };
}

/** Turning it off takes the password and a current code (or a recovery code), and is refused when the person's role requires it. */
export async function disableTwoFactor(
  auth: Auth,
  db: Db,
  headers: Headers,
  user: SessionUser,
  info: RequestInfo,
  input: { password: string; code: string },
): Promise<void> {
  if (!user.twoFactorEnabled)
    throw new ApiError("conflict", "Two-factor sign-in is not on for your account.");
  await assertNotThrottled(db, user.id);
  if (twoFactorRequiredFor(user.role)) {
    await recordAccountEvent("two_factor_disabled", info, user, {
      outcome: "error",
      errorCode: "required_for_role",
    });
    throw new ApiError("forbidden", "Your role must use two-factor sign-in: it cannot be turned off.");
  }
  await checkPasswordAndCode(auth, db, headers, user, info, "two_factor_disabled", input);
  await auth.api.disableTwoFactor({ body: { password: input.password }, headers });
  await recordAccountEvent("two_factor_disabled", info, user, { outcome: "ok" }, { db });
}

/**
 * New recovery codes, shown once; the old ones stop working. For someone who has used some up or
 * fears they were seen. The password and a second factor (a current code, or one of the recovery
 * codes being replaced) come first, as for turning two-factor sign-in off.
 */
export async function replaceRecoveryCodes(
  auth: Auth,
  db: Db,
  headers: Headers,
  user: SessionUser,
  info: RequestInfo,
  input: { password: string; code: string },
): Promise<{ backupCodes: string[] }> {
  if (!user.twoFactorEnabled)
    throw new ApiError(
      "conflict",
      "Two-factor sign-in is not on for your account: there are no recovery codes.",
    );
  await assertNotThrottled(db, user.id);
  const method = await checkPasswordAndCode(auth, db, headers, user, info, "recovery_codes_replaced", input);
  const { backupCodes } = await auth.api.generateBackupCodes({ body: { password: input.password }, headers });
  await recordAccountEvent(
    "recovery_codes_replaced",
    info,
    user,
    { outcome: "ok" },
    { db, details: { method } },
  );
  return { backupCodes };
}

/** How many unused recovery codes the person has; null when two-factor sign-in is off. */
export async function recoveryCodesLeft(auth: Auth, user: SessionUser): Promise<number | null> {
  if (!user.twoFactorEnabled) return null;
  // Server-only: the codes are decrypted here to be counted, and only the count leaves.
  const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId: user.id } });
  return backupCodes.length;
}

/** The password, then the second factor; each wrong one is audited (and counted by the throttle). */
async function checkPasswordAndCode(
  auth: Auth,
  db: Db,
  headers: Headers,
  user: SessionUser,
  info: RequestInfo,
  action: "two_factor_disabled" | "recovery_codes_replaced",
  input: { password: string; code: string },
): Promise<SecondFactorMethod> {
  try {
    await auth.api.verifyPassword({ body: { password: input.password }, headers });
  } catch (error) {
    if (authErrorCode(error) !== "INVALID_PASSWORD") throw error;
    await recordAccountEvent(action, info, user, { outcome: "error", errorCode: "wrong_password" }, { db });
    throw wrongPassword();
  }
  const method = await verifySecondFactor(auth, headers, input.code);
  if (!method) {
    await recordAccountEvent(action, info, user, { outcome: "error", errorCode: "invalid_code" }, { db });
    throw wrongCode();
  }
  return method;
}
