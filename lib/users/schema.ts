// Keydesk's users, as the users page's forms and the /api/users handlers both read them. zod/mini
// (lib/text/zod-mini.ts): the forms carry these schemas to the browser.
import * as z from "@/lib/text/zod-mini";
import { passwordProblem } from "@/lib/auth/password-policy";
import { ROLES } from "@/lib/roles";
import { refuseSecret, safeText } from "@/lib/text/safe-text";

export const roleSchema = z.enum(ROLES, { error: "Choose a role: admin, support or reviewer." });

const emailField = z.pipe(
  safeText().check(
    z.superRefine(refuseSecret("email")),
    z.trim(),
    z.maxLength(320, "An email address is at most 320 characters."),
  ),
  z.email("Enter an email address like name@example.com."),
);

/** A password that meets the policy; the reason is in the message ("The password is too common."). */
export const passwordField = safeText().check(
  z.superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: "custom", message: `The password ${problem}.` });
  }),
);

/** A new user: who they are and their role. No password: they set their own through a one-time link. */
export const newUserSchema = z.strictObject({
  email: emailField,
  name: safeText().check(
    z.superRefine(refuseSecret("names")),
    z.trim(),
    z.minLength(1, "Enter a name."),
    z.maxLength(100, "A name is at most 100 characters."),
  ),
  role: roleSchema,
});

export type NewUserInput = z.infer<typeof newUserSchema>;

/**
 * One change to a user per request: a new role, or disabled or enabled. Unknown fields are
 * refused, so a typo (or a password: an admin never sets one) never turns into a silent no-op.
 */
export const userChangeSchema = z.pipe(
  z
    .strictObject({
      role: z.optional(roleSchema),
      disabled: z.optional(z.boolean({ error: "disabled must be true or false." })),
    })
    .check(
      z.superRefine((change, ctx) => {
        const given = (["role", "disabled"] as const).filter((k) => change[k] !== undefined);
        if (given.length !== 1) {
          ctx.addIssue({
            code: "custom",
            path: [],
            message:
              given.length === 0
                ? "Send one change: role or disabled."
                : "Send one change at a time, not role and disabled.",
          });
        }
      }),
    ),
  z.transform((c: { role?: UserRole; disabled?: boolean }): UserChange =>
    c.role !== undefined ? { role: c.role } : { disabled: c.disabled ?? false },
  ),
);

type UserRole = (typeof ROLES)[number];
export type UserChange = { role: UserRole } | { disabled: boolean };

/** The invite page's form: the new password twice (the second only in the browser). */
export const setPasswordSchema = z
  .strictObject({ password: passwordField, confirm: z.string() })
  .check(
    z.refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ." }),
  );

export type SetPasswordInput = z.infer<typeof setPasswordSchema>;

/** What POST /api/invites/accept receives: the link's token and the chosen password. */
export const acceptInviteSchema = z.strictObject({
  token: safeText().check(z.minLength(1, "The link's token is missing."), z.maxLength(100)),
  password: z.string().check(z.maxLength(200, "A password is at most 128 characters.")),
});

export const userIdParamsSchema = z.object({
  userId: safeText().check(z.minLength(1), z.maxLength(100)),
});
