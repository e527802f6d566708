import { z } from "zod";

/** The sign-in form; the server (better-auth) checks the same two fields. */
export const signInSchema = z.object({
  email: z.email("Enter an email address like name@example.com"),
  password: z.string().min(1, "Enter your password"),
});

export type SignInInput = z.infer<typeof signInSchema>;
