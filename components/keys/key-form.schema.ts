// The key form's values, defaults and rules. The rules are the shared ones (lib/keys/schema.ts), so
// the create and edit forms refuse what the route handler refuses, plus one the server does not
// have: a new restricted key with no permission at all.
//
// Why the form and not the server: ElevenLabs accepts an empty list (a key that is accepted and
// refused on every call: in ElevenLabs' contract `[]` means none), keys made elsewhere may hold one,
// and Keydesk's API answers for what the upstream accepts. In the console such a key is always a
// slip (the restricted picker starts empty), so the form stops it, on the permissions field, before
// anything is reviewed or sent.
import * as z from "@/lib/text/zod-mini";
import type { KeyView } from "@/lib/keys/view";
import { friendlyKeyName } from "./friendly-name.logic";
import type { NewKeyInput } from "@/lib/elevenlabs/types";
import { newKeySchema, permissionsSchema } from "@/lib/keys/schema";
import type { Permissions } from "@/lib/permissions";

export type KeyFormInput = z.input<typeof newKeySchema>;
export type KeyFormOutput = NewKeyInput;

export const NO_PERMISSION_MESSAGE =
  "Choose at least one permission, or choose All permissions: a restricted key with none can do nothing.";

/** The create form's rules: the server's, and a restricted key needs at least one permission. */
export const newKeyFormSchema = z.extend(newKeySchema, {
  permissions: permissionsSchema.check(
    z.refine((value: Permissions) => value === "all" || value.length > 0, NO_PERMISSION_MESSAGE),
  ),
});

/** A new key starts restricted with nothing allowed: least privilege unless someone chooses more. */
export function newKeyDefaults(): KeyFormInput {
  return { name: friendlyKeyName(), permissions: [] as Permissions, characterLimit: null, allowedIps: null };
}

export function editKeyDefaults(key: KeyView): KeyFormInput {
  return {
    name: key.name,
    permissions: key.permissions,
    characterLimit: key.characterLimit,
    allowedIps: key.allowedIps,
  };
}

export const asPermissions = (value: unknown): Permissions =>
  value === "all" ? "all" : Array.isArray(value) ? (value as Permissions) : [];
