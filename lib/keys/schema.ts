// What a person may send to create or change a key: one set of rules for the forms (zodResolver)
// and the route handlers, so the browser and the server cannot disagree. Everything that would
// be refused upstream is refused here first, with the field and the reason. The ids in the URL
// (/api/service-accounts/:saId/keys/:keyId) are checked here too. zod/mini (lib/text/zod-mini.ts):
// the forms carry these schemas to the browser.
import * as z from "@/lib/text/zod-mini";
import { allowlistEntryProblem, normaliseAllowlistEntry } from "@/lib/ip/cidr";
import { isPermission, type Permission, type Permissions } from "@/lib/permissions";
import { refuseSecret, safeText } from "@/lib/text/safe-text";

export const KEY_NAME_MAX = 100;
export const ALLOWLIST_MAX = 100;
export const REASON_MAX = 500;
/** ElevenLabs' largest monthly quotas are in the hundreds of millions; this leaves ample room. */
export const CHARACTER_LIMIT_MAX = 1_000_000_000_000;

export const keyNameSchema = safeText({ error: "Enter a name" }).check(
  z.superRefine(refuseSecret("names")),
  z.trim(),
  z.minLength(1, "Enter a name"),
  z.maxLength(KEY_NAME_MAX, `Use at most ${KEY_NAME_MAX} characters`),
);

/**
 * "all", or a list of known permissions without repeats. Checked by hand rather than as a zod
 * union, so each problem names its own index ("permissions.3: Unknown permission …").
 */
export const permissionsSchema = z.pipe(
  z.unknown(),
  z.transform((value, ctx): Permissions => {
    if (value === "all") return "all";
    if (!Array.isArray(value)) {
      ctx.issues.push({ code: "custom", message: 'Choose "all" or a list of permissions', input: value });
      return z.NEVER;
    }
    const seen = new Set<string>();
    value.forEach((p, i) => {
      if (!isPermission(p))
        ctx.issues.push({
          code: "custom",
          path: [i],
          message: `Unknown permission ${JSON.stringify(p)}`,
          input: p,
        });
      else if (seen.has(p))
        ctx.issues.push({ code: "custom", path: [i], message: `${p} is listed twice`, input: p });
      seen.add(String(p));
    });
    return value as Permission[];
  }),
);

export const characterLimitSchema = z
  .number({ error: "Enter a whole number of characters" })
  .check(
    z.int("Use a whole number of characters"),
    z.minimum(1, "Use a positive number (leave it empty for no limit)"),
    z.maximum(CHARACTER_LIMIT_MAX, "That limit is too large"),
  );

/** 1 to 100 IPv4/IPv6 addresses or CIDR ranges, each valid, none repeated once normalised. */
export const allowedIpsSchema = z.pipe(
  z
    .array(safeText({ error: "Enter an IP address or range" }).check(z.trim()), {
      error: "Enter a list of IP addresses or ranges",
    })
    .check(
      z.minLength(1, "Add at least one address, or remove the allowlist"),
      z.maxLength(ALLOWLIST_MAX, `Use at most ${ALLOWLIST_MAX} entries`),
      z.superRefine((entries, ctx) => {
        const seen = new Map<string, number>();
        entries.forEach((entry, i) => {
          const normalised = normaliseAllowlistEntry(entry);
          if (normalised === null) {
            ctx.addIssue({ code: "custom", path: [i], message: allowlistEntryProblem(entry)! });
            return;
          }
          const first = seen.get(normalised);
          if (first !== undefined)
            ctx.addIssue({
              code: "custom",
              path: [i],
              message: `Same as entry ${first + 1} (${normalised})`,
            });
          else seen.set(normalised, i);
        });
      }),
    ),
  z.transform((entries: string[]) => entries.map((e) => normaliseAllowlistEntry(e)!)),
);

export const newKeySchema = z.strictObject({
  name: keyNameSchema,
  permissions: permissionsSchema,
  characterLimit: z.optional(z.nullable(characterLimitSchema)),
  allowedIps: z.optional(z.nullable(allowedIpsSchema)),
});

export const reasonSchema = safeText().check(
  z.superRefine(refuseSecret("reason")),
  z.trim(),
  z.minLength(1, "Give a reason"),
  z.maxLength(REASON_MAX, `Use at most ${REASON_MAX} characters`),
);

/** The editable fields; `null` clears a limit or an allowlist. */
const keyFieldsShape = {
  name: z.optional(keyNameSchema),
  enabled: z.optional(z.boolean({ error: "Use true or false" })),
  permissions: z.optional(permissionsSchema),
  characterLimit: z.optional(z.nullable(characterLimitSchema)),
  allowedIps: z.optional(z.nullable(allowedIpsSchema)),
};

export const EDITABLE_FIELDS = ["name", "enabled", "permissions", "characterLimit", "allowedIps"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * A change to a key: only the fields being changed, the reason, and `expected`: each changed
 * field's value when the edit began (so a change made meanwhile by someone else is a 409, not
 * silently overwritten).
 */
export const keyChangeSchema = z
  .strictObject({
    ...keyFieldsShape,
    reason: z.optional(reasonSchema),
    expected: z.strictObject({
      name: z.optional(safeText()),
      enabled: z.optional(z.boolean()),
      permissions: z.optional(z.union([z.literal("all"), z.array(safeText())])),
      characterLimit: z.optional(z.nullable(z.number())),
      allowedIps: z.optional(z.nullable(z.array(safeText()))),
    }),
  })
  .check(
    z.superRefine((change, ctx) => {
      const changed = EDITABLE_FIELDS.filter((f) => change[f] !== undefined);
      if (changed.length === 0)
        ctx.addIssue({ code: "custom", path: [], message: "Change at least one field" });
      for (const field of changed) {
        if (!(field in change.expected))
          ctx.addIssue({
            code: "custom",
            path: ["expected", field],
            message: `Say what ${field} was when the edit began`,
          });
      }
    }),
  );
export type KeyChangeBody = z.infer<typeof keyChangeSchema>;

export const newServiceAccountSchema = z.strictObject({
  name: safeText({ error: "Enter a name" }).check(
    z.superRefine(refuseSecret("names")),
    z.trim(),
    z.minLength(1, "Enter a name"),
    z.maxLength(KEY_NAME_MAX, `Use at most ${KEY_NAME_MAX} characters`),
  ),
});

// The ids in the URL are opaque upstream strings: only their size and that they are there are
// checked here (the upstream answers 404 for one it does not know).
const idSchema = safeText().check(z.minLength(1, "Missing id"), z.maxLength(200, "That id is too long"));

export const serviceAccountParamsSchema = z.object({ saId: idSchema });
export const keyParamsSchema = z.object({ saId: idSchema, keyId: idSchema });
