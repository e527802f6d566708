// A connection's key as the policies see it (lib/policies): what a change would leave it with.
// A create's input (NewKey) already has the policies' field names.
import type { IntendedKey } from "@/lib/policies/subject";
import type { EnforceOptions } from "@/lib/policies/enforce";
import type { KeyChanges, ProviderKey } from "@/lib/providers/types";

export function intendedAfterChange(current: ProviderKey, changes: KeyChanges): IntendedKey {
  const r = current.restrictions;
  return {
    permissions: changes.permissions ?? current.permissions,
    characterLimit:
      changes.characterLimit !== undefined ? changes.characterLimit : (r.characterLimit?.limit ?? null),
    ipAllowlist: changes.ipAllowlist !== undefined ? changes.ipAllowlist : (r.ipAllowlist ?? null),
    allowedOrigins: changes.allowedOrigins ?? r.allowedOrigins,
  };
}

/** The policy fields a change touches (expiry is set at create only). */
export function changedPolicyFields(changes: KeyChanges): NonNullable<EnforceOptions["changed"]> {
  const fields = ["permissions", "characterLimit", "ipAllowlist", "allowedOrigins"] as const;
  return fields.filter((f) => changes[f] !== undefined);
}
