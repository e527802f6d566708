// What a person may send to the per-connection keys API: one set of rules for the forms
// (zodResolver) and the route handlers (zod/mini, lib/text/zod-mini.ts, so the forms can carry
// them). These check the shape, the same for every provider; what a given provider accepts (its
// name length, whether it has an expiry, origins or groups) is checked against its capabilities by
// lib/providers/guard.ts before anything is sent, with the field named the same way.
import * as z from "@/lib/text/zod-mini";
import { isPermission } from "@/lib/permissions";
import { DOCSPACE_SCOPES, VOICEABLE_KEY_TYPES, type PermissionsInput } from "@/lib/providers/types";
import { refuseSecret, safeText } from "@/lib/text/safe-text";
import { allowedIpsSchema, characterLimitSchema, reasonSchema } from "@/lib/keys/schema";
import type {
  ConnectionKeyChangeBody,
  DeleteConnectionKeyBody,
  NewConnectionKeyBody,
  RotateConnectionKeyBody,
} from "./types";

/** The longest name any provider takes (Voiceable's 255); each provider's own limit is the guard's. */
export const CONNECTION_KEY_NAME_MAX = 255;
export const ORIGINS_MAX = 100;
export const ASSISTANTS_MAX = 100;
/** The longest lifetime any provider takes would be checked by the guard; this only bounds the number. */
const EXPIRY_DAYS_MAX = 36_500;

export const connectionKeyNameSchema = safeText({ error: "Enter a name" }).check(
  z.superRefine(refuseSecret("names")),
  z.trim(),
  z.minLength(1, "Enter a name"),
  z.maxLength(CONNECTION_KEY_NAME_MAX, `Use at most ${CONNECTION_KEY_NAME_MAX} characters`),
);

// Ids are the upstream's opaque strings: only that they are there, their size, and one path segment.
const idSchema = safeText({ error: "Give an id" }).check(
  z.minLength(1, "Give an id"),
  z.maxLength(200, "That id is too long"),
  z.refine((id) => id !== "." && id !== ".." && !id.includes("/"), "That is not an id"),
);

type Issue = { path?: (string | number)[]; message: string };

/** A list of `allowed` values without repeats, each issue naming its index. */
function checkList(value: unknown, allowed: (v: unknown) => boolean, what: string): Issue[] {
  if (!Array.isArray(value)) return [{ path: ["value"], message: `Choose "all" or a list of ${what}s` }];
  const issues: Issue[] = [];
  const seen = new Set<unknown>();
  value.forEach((v, i) => {
    if (!allowed(v)) issues.push({ path: ["value", i], message: `Unknown ${what} ${JSON.stringify(v)}` });
    else if (seen.has(v)) issues.push({ path: ["value", i], message: `${String(v)} is listed twice` });
    seen.add(v);
  });
  return issues;
}

const isScope = (v: unknown) => (DOCSPACE_SCOPES as readonly unknown[]).includes(v);

/** The problems of a permissions value, each with its path below `permissions`. */
function permissionsIssues(input: unknown): Issue[] {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return [{ message: "Give permissions as { kind, value }" }];
  const { kind, value, ...rest } = input as Record<string, unknown>;
  const extra = Object.keys(rest).map((k) => ({ path: [k], message: "Unrecognized key" }));
  if (extra.length > 0) return extra;
  switch (kind) {
    case "permission_list":
      return value === "all" ? [] : checkList(value, isPermission, "permission");
    case "scopes":
      if (value === "all") return [];
      if (Array.isArray(value) && value.length === 0)
        return [{ path: ["value"], message: 'Give at least one scope, or "all"' }];
      return checkList(value, isScope, "scope");
    case "key_type":
      return (VOICEABLE_KEY_TYPES as readonly unknown[]).includes(value)
        ? []
        : [{ path: ["value"], message: `Choose a key type: ${VOICEABLE_KEY_TYPES.join(" or ")}` }];
    default:
      return [{ path: ["kind"], message: "Choose permission_list, scopes or key_type" }];
  }
}

/**
 * Permissions in one provider's model (PermissionsInput), checked by hand rather than as a zod
 * union, so each problem names its own place ("permissions.value.3: Unknown scope …").
 */
export const permissionsInputSchema = z.pipe(
  z.unknown(),
  z.transform((value, ctx): PermissionsInput => {
    const issues = permissionsIssues(value);
    for (const issue of issues) ctx.issues.push({ code: "custom", input: value, ...issue });
    return issues.length > 0 ? z.NEVER : (value as PermissionsInput);
  }),
);

/** An origin exactly as a browser sends it: http(s)://host[:port], nothing before or after. */
export function originProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Write an origin as http(s)://host[:port]";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return "An origin starts with http:// or https://";
  // URL's own origin is the canonical form: anything else (a path, a trailing /, user info, upper
  // case, a default port, a query) would not match what a browser sends.
  if (url.origin !== text)
    return `Write the origin as a browser sends it (${url.origin}), with no path, query or trailing /`;
  return null;
}

/** A list without repeats whose entries pass `problem`, each issue naming its index. */
function uniqueList(entry: ReturnType<typeof safeText>, max: number, problem: (v: string) => string | null) {
  return z.array(entry, { error: "Give a list" }).check(
    z.maxLength(max, `Use at most ${max} entries`),
    z.superRefine((entries, ctx) => {
      const seen = new Map<string, number>();
      entries.forEach((e, i) => {
        const bad = problem(e);
        if (bad) ctx.addIssue({ code: "custom", path: [i], message: bad });
        else if (seen.has(e))
          ctx.addIssue({ code: "custom", path: [i], message: `Same as entry ${seen.get(e)! + 1}` });
        else seen.set(e, i);
      });
    }),
  );
}

export const allowedOriginsSchema = uniqueList(
  safeText({ error: "Enter an origin" }).check(z.trim()),
  ORIGINS_MAX,
  originProblem,
);

export const assistantIdsSchema = uniqueList(
  safeText({ error: "Enter an assistant id" }).check(z.trim(), z.maxLength(200, "That id is too long")),
  ASSISTANTS_MAX,
  (id) => (id.length === 0 ? "Enter an assistant id" : null),
);

const transientSchema = z.boolean({ error: "Use true or false" });

export const expiresInDaysSchema = z
  .number({ error: "Enter a whole number of days" })
  .check(
    z.int("Use a whole number of days"),
    z.minimum(1, "Use at least 1 day (leave it empty for no expiry)"),
    z.maximum(EXPIRY_DAYS_MAX, "That is too many days"),
  );

export const newConnectionKeySchema = z.strictObject({
  name: connectionKeyNameSchema,
  groupId: z.optional(idSchema),
  permissions: permissionsInputSchema,
  characterLimit: z.optional(z.nullable(characterLimitSchema)),
  ipAllowlist: z.optional(z.nullable(allowedIpsSchema)),
  allowedOrigins: z.optional(allowedOriginsSchema),
  assistants: z.optional(z.strictObject({ allowed: assistantIdsSchema, transient: transientSchema })),
  expiresInDays: z.optional(z.nullable(expiresInDaysSchema)),
});

/**
 * What an edit saw of the fields it changes (expected.ts): loose on purpose, since it repeats the
 * key as read (possibly with values the change schema would no longer take); only compared.
 */
const seenList = z.array(safeText());
const expectedSchema = z.strictObject({
  name: z.optional(safeText()),
  permissions: z.optional(z.strictObject({ kind: safeText(), value: z.union([safeText(), seenList]) })),
  characterLimit: z.optional(z.nullable(z.number())),
  ipAllowlist: z.optional(z.nullable(seenList)),
  allowedOrigins: z.optional(z.nullable(seenList)),
  assistants: z.optional(
    z.nullable(z.strictObject({ allowed: z.optional(seenList), transient: z.optional(z.boolean()) })),
  ),
  enabled: z.optional(z.nullable(z.boolean())),
});

/** The fields a change may carry besides the reason; support may send only `enabled`. */
export const CHANGE_FIELDS = [
  "name",
  "permissions",
  "characterLimit",
  "ipAllowlist",
  "allowedOrigins",
  "assistants",
  "enabled",
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export const connectionKeyChangeSchema = z
  .strictObject({
    name: z.optional(connectionKeyNameSchema),
    permissions: z.optional(permissionsInputSchema),
    characterLimit: z.optional(z.nullable(characterLimitSchema)),
    ipAllowlist: z.optional(z.nullable(allowedIpsSchema)),
    allowedOrigins: z.optional(allowedOriginsSchema),
    assistants: z.optional(
      z
        .strictObject({ allowed: z.optional(assistantIdsSchema), transient: z.optional(transientSchema) })
        .check(
          z.refine((a) => a.allowed !== undefined || a.transient !== undefined, {
            message: "Change allowed or transient",
          }),
        ),
    ),
    enabled: z.optional(z.boolean({ error: "Use true or false" })),
    reason: z.optional(reasonSchema),
    expected: z.optional(expectedSchema),
  })
  .check(
    z.refine((change) => CHANGE_FIELDS.some((f) => change[f] !== undefined), {
      message: "Change at least one field",
    }),
    // `expected` speaks of the fields being changed, and of no other.
    z.superRefine((change, ctx) => {
      for (const field of Object.keys(change.expected ?? {}) as ChangeField[])
        if (change[field] === undefined)
          ctx.addIssue({
            code: "custom",
            path: ["expected", field],
            message: `${field} is not being changed`,
          });
    }),
  );

export const deleteConnectionKeySchema = z.strictObject({ reason: z.optional(reasonSchema) });

export const rotateConnectionKeySchema = z.strictObject({
  reason: z.optional(reasonSchema),
  expiresInDays: z.optional(z.nullable(expiresInDaysSchema)),
});

export const connectionKeysParamsSchema = z.object({
  connectionId: safeText().check(z.minLength(1), z.maxLength(100)),
});
export const connectionKeyParamsSchema = z.object({
  connectionId: safeText().check(z.minLength(1), z.maxLength(100)),
  keyId: idSchema,
});
/** `?group=`: the key's group, where the provider has groups (ElevenLabs' service account). */
export const keyGroupQuerySchema = z.object({ group: z.optional(idSchema) });

// The schemas parse to the contract's types (types.ts): a change to either that breaks the other
// fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
  Same<z.infer<typeof newConnectionKeySchema>, NewConnectionKeyBody>,
  Same<z.infer<typeof connectionKeyChangeSchema>, ConnectionKeyChangeBody>,
  Same<z.infer<typeof deleteConnectionKeySchema>, DeleteConnectionKeyBody>,
  Same<z.infer<typeof rotateConnectionKeySchema>, RotateConnectionKeyBody>,
] = [true, true, true, true];
void agree;
