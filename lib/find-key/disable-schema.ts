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
 * What the person saw of the key when they chose to disable it (lib/connection-keys/expected.ts):
 * its on/off state, the one field a disable changes. Optional, so API clients that send none keep
 * today's answer; the page always sends it.
 */
const seenSchema = z.strictObject({
  enabled: z.optional(z.boolean({ error: "Use true or false" })),
});

/**
 * "Disable now" on a key of another connection than the primary one: which connection, which key
 * (its group, where the provider has groups, is taken from the upstream's read), why (for the
 * audit log), and what was seen (a 409 when the key changed since).
 */
export const disableElsewhereBodySchema = z.strictObject({
  connectionId: refSchema("connection id"),
  keyId: refSchema("key id"),
  reason: reasonSchema,
  expected: z.optional(seenSchema),
});

export type DisableElsewhereBody = z.infer<typeof disableElsewhereBodySchema>;
