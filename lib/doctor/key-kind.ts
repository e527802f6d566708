// What the key doctor's form asks about a key, decided by the key's provider: the operations its
// picker offers (by the provider's permission model) and whether the caller's address is worth
// asking for (only a provider with an IP allowlist checks it). One value, handed from wherever the
// provider is known (a key's page, a connection's search) down to the form.
import type { PermissionModel, ProviderCapabilities } from "@/lib/providers/types";

export interface DoctorKeyKind {
  permissionModel: PermissionModel["kind"];
  /** The provider keeps an IP allowlist per key: the form asks for the caller's address. */
  ipAllowlist: boolean;
}

export function doctorKeyKind(
  capabilities: Pick<ProviderCapabilities, "permissions" | "ipAllowlist">,
): DoctorKeyKind {
  return { permissionModel: capabilities.permissions.kind, ipAllowlist: capabilities.ipAllowlist !== null };
}

/** The primary ElevenLabs workspace's keys: a permission list and an allowlist. */
export const ELEVENLABS_KEY_KIND: DoctorKeyKind = { permissionModel: "permission_list", ipAllowlist: true };
