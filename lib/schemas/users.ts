// Keydesk's users, as the users page's forms and the /api/users handlers both read them.
import { z } from "zod";
import { passwordProblem } from "@/lib/auth/password-policy";
import { ROLES } from "@/lib/auth/roles";
import { refuseSecret, safeText } from "@/lib/text/safe-text";

export const roleSchema = z.enum(ROLES, { error: "Choose a role: admin, support or reviewer." });

const emailField = safeText().superRefine(refuseSecret("email")).trim().max(320, "An email address is at most 320 characters.").pipe(z.email("Enter an email address like name@example.com."));

/** A password that meets the policy; the reason is in the message ("The password is too common."). */
export const passwordField = safeText().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: `The password ${problem}.` });
});

export const newUserSchema = z
  .strictObject({
    email: emailField,
    name: safeText().superRefine(refuseSecret("names")).trim().min(1, "Enter a name.").max(100, "A name is at most 100 characters."),
    role: roleSchema,
    password: passwordField,
  })
  .superRefine((user, ctx) => {
    // The check that needs the email too (the password may not contain it); the others are the
    // password field's own, already reported.
    if (passwordProblem(user.password)) return;
    const problem = passwordProblem(user.password, user.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: `The password ${problem}.` });
  });

export type NewUserInput = z.infer<typeof newUserSchema>;

/**
 * One change to a user per request: a new role, disabled or enabled, or a new password. Unknown
 * fields are refused, so a typo never turns into a silent no-op.
 */
export const userChangeSchema = z
  .strictObject({
    role: roleSchema.optional(),
    disabled: z.boolean({ error: "disabled must be true or false." }).optional(),
    password: passwordField.optional(),
  })
  .superRefine((change, ctx) => {
    const given = (["role", "disabled", "password"] as const).filter((k) => change[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: given.length === 0 ? "Send one change: role, disabled or password." : `Send one change at a time, not ${given.join(" and ")}.`,
      });
    }
  })
  .transform((c): UserChange => (c.role !== undefined ? { role: c.role } : c.disabled !== undefined ? { disabled: c.disabled } : { password: c.password ?? "" }));

export type UserChange = { role: (typeof ROLES)[number] } | { disabled: boolean } | { password: string };

/** The reset-password dialog's form: the same password rule as the handler. */
export const resetPasswordSchema = z.strictObject({ password: passwordField });

export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const userIdParamsSchema = z.object({ userId: safeText().min(1).max(100) });
