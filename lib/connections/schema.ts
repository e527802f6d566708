// What the Connections page's forms send and the /api/connections handlers parse: one schema for
// both (zod/mini, lib/text/zod-mini.ts). Nothing here ever quotes a value back, so a credential in
// a wrong field is never echoed in an error.
import * as z from "@/lib/text/zod-mini";
import { refuseSecret, safeText } from "@/lib/text/safe-text";
import { baseUrlProblem } from "./base-url";
import { CONNECTION_PROVIDERS } from "./providers";

export const connectionNameField = safeText({ error: "Enter a name." }).check(
  z.superRefine(refuseSecret("names")),
  z.trim(),
  z.minLength(1, "Enter a name."),
  z.maxLength(100, "A name is at most 100 characters."),
);

export const providerField = z.enum(CONNECTION_PROVIDERS, {
  error: "Choose a provider: elevenlabs, docspace or voiceable.",
});

export const baseUrlField = safeText({ error: "Enter the base URL." }).check(
  z.trim(),
  z.minLength(1, "Enter the base URL."),
  z.maxLength(2000, "A base URL is at most 2000 characters."),
  z.superRefine((text, ctx) => {
    const problem = baseUrlProblem(text);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
);

export const credentialField = safeText({ error: "Enter the admin credential." }).check(
  z.trim(),
  z.minLength(1, "Enter the admin credential."),
  z.maxLength(4096, "A credential is at most 4096 characters."),
  z.regex(
    /^[\x21-\x7e]+$/,
    "A credential is printable ASCII with no spaces (paste it as the provider shows it).",
  ),
);

export const newConnectionSchema = z.strictObject({
  name: connectionNameField,
  provider: providerField,
  baseUrl: baseUrlField,
  credential: credentialField,
});
export type NewConnectionInput = z.infer<typeof newConnectionSchema>;

export const renameConnectionSchema = z.strictObject({ name: connectionNameField });
export type RenameConnectionInput = z.infer<typeof renameConnectionSchema>;

export const connectionIdParamsSchema = z.object({
  connectionId: safeText().check(z.minLength(1), z.maxLength(100)),
});

/** Which connections a user may use: none listed means every connection. */
export const userConnectionsSchema = z.strictObject({
  connectionIds: z.array(safeText().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(200)),
});
