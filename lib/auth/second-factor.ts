// A second factor typed by a signed-in person (turning two-factor sign-in off, replacing the recovery
// codes, re-verifying for a dangerous action): a current code from the authenticator app, or one of
// the recovery codes, which is then used up. The two look different, so the shape says which to check.
import "server-only";
import type { Auth } from "./auth";
import { authErrorCode } from "./two-factor-errors";

/** better-auth's recovery codes look like `AbC12-dEf34`. */
export const RECOVERY_CODE = /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/;

export type SecondFactorMethod = "totp" | "recovery_code";

/**
 * Which factor the code proved, or null when it is wrong (or the recovery code was used before).
 * `disableSession`: checking a recovery code must not start a new session; the person has one.
 */
export async function verifySecondFactor(
  auth: Auth,
  headers: Headers,
  typed: string,
): Promise<SecondFactorMethod | null> {
  const code = typed.trim();
  const recovery = RECOVERY_CODE.test(code);
  try {
    if (recovery) await auth.api.verifyBackupCode({ body: { code, disableSession: true }, headers });
    else await auth.api.verifyTOTP({ body: { code }, headers });
    return recovery ? "recovery_code" : "totp";
  } catch (error) {
    const known = authErrorCode(error);
    if (known === "INVALID_CODE" || known === "INVALID_BACKUP_CODE") return null;
    throw error;
  }
}
