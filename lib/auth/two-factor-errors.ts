// The answers to a wrong password or code in the account's two-factor forms, and better-auth's own
// error codes read from what it throws, shared by enrolment, turning it off, replacing recovery codes
// and re-verifying.
import { ApiError } from "@/lib/http/api-error";

/** better-auth's error code (INVALID_CODE, INVALID_PASSWORD…) of a thrown APIError, if it is one. */
export function authErrorCode(error: unknown): string | null {
  const body = (error as { body?: { code?: unknown } } | null)?.body;
  return typeof body?.code === "string" ? body.code : null;
}

export const wrongPassword = () =>
  new ApiError("validation_failed", "password: that is not your password", {
    fields: [{ path: ["password"], message: "That is not your password." }],
  });
export const wrongCode = () =>
  new ApiError("validation_failed", "code: that code is not right", {
    fields: [
      {
        path: ["code"],
        message:
          "That code is not right. Use the current 6-digit code from your authenticator app, or a recovery code you have not used.",
      },
    ],
  });
