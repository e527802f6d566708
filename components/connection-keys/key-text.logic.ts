// A key's permissions, restrictions and expiry in words, in its provider's own model. The table,
// the leak dialog and the review all say a key the same way. Pure, so it is tested alone.
import { formatCharacterLimit, formatDate, formatNumber } from "@/lib/format";
import type { KeyPermissions, KeyRestrictions } from "@/lib/providers/types";

/** "All permissions", "Unrestricted (*)", "files:read, rooms:read", "Private key". */
export function permissionsText(permissions: KeyPermissions): string {
  if (permissions.kind === "key_type")
    return permissions.value === "private" ? "Private: full access" : "Public: client-side";
  const known =
    permissions.value === "all"
      ? permissions.kind === "scopes"
        ? "Unrestricted (*)"
        : "All permissions"
      : permissions.value.length === 0
        ? "None"
        : permissions.value.join(", ");
  return permissions.unknown.length > 0
    ? `${known}; not known to Keydesk: ${permissions.unknown.join(", ")}`
    : known;
}

/** True when the key may do everything its provider allows (ElevenLabs' "all", DocSpace's `*`). */
export function grantsEverything(permissions: KeyPermissions): boolean {
  return permissions.kind !== "key_type" && permissions.value === "all";
}

/**
 * Each restriction the key has, in words; an empty list when it has none. Only the restrictions
 * the provider has are present (absent means "no such restriction on this provider").
 */
export function restrictionsText(r: KeyRestrictions): string[] {
  const out: string[] = [];
  if (r.characterLimit?.limit === 0) out.push(formatCharacterLimit(0));
  else if (r.characterLimit?.limit != null) {
    const used = r.characterLimit.used != null ? `${formatNumber(r.characterLimit.used)} of ` : "";
    out.push(`${used}${formatNumber(r.characterLimit.limit)} characters a month`);
  }
  if (r.ipAllowlist) out.push(`IP allowlist: ${r.ipAllowlist.join(", ")}`);
  if (r.allowedOrigins && r.allowedOrigins.length > 0)
    out.push(`Origins (browser-enforced): ${r.allowedOrigins.join(", ")}`);
  if (r.assistants) {
    if (r.assistants.allowed.length > 0) out.push(`Assistants: ${r.assistants.allowed.join(", ")}`);
    if (r.assistants.transient) out.push("Transient assistants allowed");
  }
  return out;
}

/** What a key can reach that a reader should notice: "any origin", "every assistant". */
export function openEnds(r: KeyRestrictions): string[] {
  const out: string[] = [];
  if (r.allowedOrigins && r.allowedOrigins.length === 0) out.push("Any origin");
  if (r.assistants && r.assistants.allowed.length === 0) out.push("Every assistant");
  return out;
}

export function isExpired(expiresAt: string | null, now: number = Date.now()): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= now;
}

/** "Never", "Mar 3, 2027", "Expired Mar 3, 2026". */
export function expiryText(expiresAt: string | null, now: number = Date.now()): string {
  if (expiresAt === null) return "Never";
  return isExpired(expiresAt, now) ? `Expired ${formatDate(expiresAt)}` : formatDate(expiresAt);
}

/** "Never" for a key never used, the date otherwise. */
export function lastUsedText(lastUsedAt: string | null): string {
  return lastUsedAt === null ? "Never" : formatDate(lastUsedAt);
}
