// The key form's values and defaults. The schema itself is the shared one (lib/keys/schema.ts),
// so the create and edit forms refuse exactly what the route handler refuses.
import type { z } from "zod/mini";
import type { KeyView } from "@/lib/keys/view";
import { friendlyKeyName } from "./friendly-name.logic";
import type { NewKeyInput } from "@/lib/elevenlabs/types";
import type { newKeySchema } from "@/lib/keys/schema";
import type { Permissions } from "@/lib/permissions";

export type KeyFormInput = z.input<typeof newKeySchema>;
export type KeyFormOutput = NewKeyInput;

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
