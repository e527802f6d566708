// zod/mini (lib/text/zod-mini.ts): the sign-in form carries this schema to the browser.
import * as z from "@/lib/text/zod-mini";
import { safeText } from "@/lib/text/safe-text";

/** The sign-in form; the server (better-auth) checks the same two fields. */
export const signInSchema = z.object({
  email: z.pipe(safeText(), z.email("Enter an email address like name@example.com")),
  password: safeText().check(z.minLength(1, "Enter your password")),
});

export type SignInInput = z.infer<typeof signInSchema>;
