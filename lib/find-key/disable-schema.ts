// "Disable now" on a key of another connection than the primary one, for the route handler and the
// dialog alike. Its own file: the search form's lazily loaded schema (schema.ts) stays small.
import * as z from "@/lib/text/zod-mini";
import { safeText } from "@/lib/text/safe-text";
import { reasonSchema } from "@/lib/keys/schema";

const refSchema = (what: string) =>
  safeText({ error: `Send the ${what} as text` }).check(
    z.minLength(1, `Missing ${what}`),
    z.maxLength(200, `That ${what} is too long`),
  );

/**
 * "Disable now" on a key of another connection than the primary one: which connection, which key
 * (its group, where the provider has groups, is taken from the upstream's read), and why (for
 * the audit log).
 */
export const disableElsewhereBodySchema = z.strictObject({
  connectionId: refSchema("connection id"),
  keyId: refSchema("key id"),
  reason: reasonSchema,
});

export type DisableElsewhereBody = z.infer<typeof disableElsewhereBodySchema>;
