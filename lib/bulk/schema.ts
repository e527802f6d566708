// What a person may send to start a bulk change: the action, an optional reason, and at most
// BULK_MAX_KEYS keys, each named by its connection and id (the service account or group where the
// provider has them) and what the list showed of it. zod/mini, like the key forms' schemas.
import * as z from "@/lib/text/zod-mini";
import { reasonSchema } from "@/lib/keys/schema";
import { refuseSecret, safeText } from "@/lib/text/safe-text";
import { BULK_ACTIONS, BULK_MAX_KEYS } from "./types";

// Ids are the upstream's opaque strings: that they are there, their size, one path segment.
const idSchema = safeText({ error: "Give an id" }).check(
  z.minLength(1, "Give an id"),
  z.maxLength(200, "That id is too long"),
  z.refine((id) => id !== "." && id !== ".." && !id.includes("/"), "That is not an id"),
);

const bulkKeySchema = z.strictObject({
  connectionId: idSchema,
  keyId: idSchema,
  saId: z.optional(idSchema),
  /** The key's name as the list showed it: shown in the progress list until the job reads it. */
  name: z.optional(
    safeText().check(z.superRefine(refuseSecret("names")), z.maxLength(255, "Use at most 255 characters")),
  ),
  /** What the list showed: a key no longer so is left alone (someone else changed it meanwhile). */
  expected: z.optional(z.strictObject({ enabled: z.optional(z.boolean()) })),
});

export const bulkChangeSchema = z
  .strictObject({
    action: z.enum(BULK_ACTIONS, { error: `Choose ${BULK_ACTIONS.join(", ")}` }),
    reason: z.optional(reasonSchema),
    keys: z
      .array(bulkKeySchema, { error: "Give a list of keys" })
      .check(
        z.minLength(1, "Choose at least one key"),
        z.maxLength(BULK_MAX_KEYS, `At most ${BULK_MAX_KEYS} keys at once`),
      ),
  })
  .check(
    z.superRefine((body, ctx) => {
      const seen = new Map<string, number>();
      body.keys.forEach((k, i) => {
        const id = `${k.connectionId}\n${k.saId ?? ""}\n${k.keyId}`;
        if (seen.has(id))
          ctx.addIssue({
            code: "custom",
            path: ["keys", i],
            message: `The same key as keys.${seen.get(id)}`,
          });
        else seen.set(id, i);
      });
    }),
  );

export type BulkChangeBody = z.infer<typeof bulkChangeSchema>;

export const bulkChangeParamsSchema = z.object({
  id: safeText().check(z.minLength(1, "Missing id"), z.maxLength(100, "That id is too long")),
});
