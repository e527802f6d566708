// The account page's forms, shared with /api/account/* handlers: two-factor set-up, turning it off,
// re-verifying for a dangerous action, ending a session.
import { z } from "zod";

const password = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(128, "A password is at most 128 characters.");
/** A 6-digit code from the app, or a recovery code (AbC12-dEf34). */
const code = z
  .string({ error: "Enter the code." })
  .trim()
  .min(1, "Enter the code.")
  .regex(
    /^(\d{6}|[A-Za-z0-9]{5}-[A-Za-z0-9]{5})$/,
    "A code is 6 digits from your authenticator app (or a recovery code like AbC12-dEf34).",
  );

export const enrolmentStartSchema = z.strictObject({ password });
export const enrolmentConfirmSchema = z.strictObject({
  code: code.regex(/^\d{6}$/, "Enter the 6-digit code your authenticator app shows now."),
});
export const twoFactorDisableSchema = z.strictObject({ password, code });
export const stepUpSchema = z.strictObject({ password, code: z.union([z.literal(""), code]).optional() });
export const sessionParamsSchema = z.object({ sessionId: z.string().min(1).max(100) });

export type EnrolmentStartInput = z.infer<typeof enrolmentStartSchema>;
export type StepUpInput = z.infer<typeof stepUpSchema>;
