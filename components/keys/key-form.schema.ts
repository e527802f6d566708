// The key form's values, defaults and rules. The rules are the shared ones (lib/keys/schema.ts), so
// the create and edit forms refuse what the route handler refuses, plus one the server does not
// have: a restricted key with no permission at all, when creating one or emptying one on edit.
//
// Why the form and not the server: ElevenLabs accepts an empty list, on create and on PATCH (a key
// that is accepted and refused on every call: in ElevenLabs' contract `[]` means none), keys made
// elsewhere may hold one, and Keydesk's API answers for what the upstream accepts. In the console
// such a key is always a slip (the restricted picker starts empty; unticking the last box empties
// it), so the form stops it, on the permissions field, before anything is reviewed or sent. A key
// that already has none may still be renamed or limited: only emptying one is refused.
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

const isEmptyList = (value: Permissions) => value !== "all" && value.length === 0;

/** The server's rules, and a restricted key needs at least one permission unless `mayStayEmpty`. */
const keyFormSchema = (mayStayEmpty: boolean) =>
  z.extend(newKeySchema, {
    permissions: permissionsSchema.check(
      z.refine((value: Permissions) => mayStayEmpty || !isEmptyList(value), NO_PERMISSION_MESSAGE),
    ),
  });

/** The create form's rules: a new restricted key needs at least one permission. */
export const newKeyFormSchema = keyFormSchema(false);

/** The edit form's rules: the same, except that a key which already has none may keep none. */
export const editKeyFormSchema = (startedWith: Permissions) => keyFormSchema(isEmptyList(startedWith));

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
