// The account page's forms, shared with /api/account/* handlers: two-factor set-up, turning it off,
// re-verifying for a dangerous action, ending a session. zod/mini (lib/text/zod-mini.ts): the forms
// carry these schemas to the browser.
import * as z from "@/lib/text/zod-mini";

const password = z
  .string({ error: "Enter your password." })
  .check(z.minLength(1, "Enter your password."), z.maxLength(128, "A password is at most 128 characters."));
/** A 6-digit code from the app, or a recovery code (AbC12-dEf34). */
const codeChecks = [
  z.trim(),
  z.minLength(1, "Enter the code."),
  z.regex(
    /^(\d{6}|[A-Za-z0-9]{5}-[A-Za-z0-9]{5})$/,
    "A code is 6 digits from your authenticator app (or a recovery code like AbC12-dEf34).",
  ),
] as const;
const code = z.string({ error: "Enter the code." }).check(...codeChecks);

export const enrolmentStartSchema = z.strictObject({ password });
export const enrolmentConfirmSchema = z.strictObject({
  code: z
    .string({ error: "Enter the code." })
    .check(...codeChecks, z.regex(/^\d{6}$/, "Enter the 6-digit code your authenticator app shows now.")),
});
export const twoFactorDisableSchema = z.strictObject({ password, code });
export const recoveryCodesSchema = z.strictObject({ password, code });
export const stepUpSchema = z.strictObject({ password, code: z.optional(z.union([z.literal(""), code])) });
export const sessionParamsSchema = z.object({
  sessionId: z.string().check(z.minLength(1), z.maxLength(100)),
});

export type EnrolmentStartInput = z.infer<typeof enrolmentStartSchema>;
export type StepUpInput = z.infer<typeof stepUpSchema>;
