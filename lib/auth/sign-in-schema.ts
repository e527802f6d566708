import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";

/** The sign-in form; the server (better-auth) checks the same two fields. */
export const signInSchema = z.object({
  email: safeText().pipe(z.email("Enter an email address like name@example.com")),
  password: safeText().min(1, "Enter your password"),
});

export type SignInInput = z.infer<typeof signInSchema>;
