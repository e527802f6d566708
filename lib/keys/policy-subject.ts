// A primary-workspace key as the policies see it (lib/policies): what a create or change would leave
// it with, in the providers' neutral terms, and the forms' name for the allowlist field.
import type { Permissions } from "@/lib/permissions";
import type { EnforceOptions } from "@/lib/policies/enforce";
import type { IntendedKey } from "@/lib/policies/subject";

export function intendedKey(key: {
  permissions: Permissions;
  characterLimit?: number | null;
  allowedIps?: string[] | null;
}): IntendedKey {
  return {
    permissions: { kind: "permission_list", value: key.permissions },
    characterLimit: key.characterLimit ?? null,
    ipAllowlist: key.allowedIps ?? null,
  };
}

/** The primary workspace's forms call the allowlist `allowedIps`. */
export const PRIMARY_FIELD_NAMES: EnforceOptions = { fieldNames: { ipAllowlist: "allowedIps" } };

/** The policy fields a change of these key fields touches. */
export function changedPolicyFields(fields: readonly string[]): NonNullable<EnforceOptions["changed"]> {
  const out: NonNullable<EnforceOptions["changed"]>[number][] = [];
  if (fields.includes("permissions")) out.push("permissions");
  if (fields.includes("characterLimit")) out.push("characterLimit");
  if (fields.includes("allowedIps")) out.push("ipAllowlist");
  return out;
}
