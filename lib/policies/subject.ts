// What the rules look at, in one provider-neutral shape built from a key as it is (the inventory's
// row) or as a create or change would make it. A field is `undefined` where the key's provider has
// no such thing (no character limit on DocSpace, no expiry on ElevenLabs): a rule about it does not
// apply there, rather than counting as broken.
import { accessOf, isUnrestricted } from "@/lib/inventory/risk";
import type { InventoryKey } from "@/lib/inventory/types";
import { ELEVENLABS_CAPABILITIES } from "@/lib/providers/elevenlabs/capabilities";
import type { KeyPermissions, ProviderCapabilities } from "@/lib/providers/types";

export interface PolicySubject {
  unrestricted: boolean;
  /** An IP allowlist or an origin restriction is set; undefined: the provider has neither. */
  networkRestricted?: boolean;
  /** The monthly character limit (null: none); undefined: the provider has no such limit. */
  characterLimit?: number | null;
  /** Days from creation to expiry (null: never expires); undefined: keys cannot expire. */
  expiresAfterDays?: number | null;
  /** When the key (its current secret) was made; null when unknown. */
  createdAt: string | null;
  /**
   * When it was last used, where the provider says (null: never); undefined: it does not. A
   * provider that counts only this month's use gives `usedThisMonth` instead.
   */
  lastUsedAt?: string | null;
  usedThisMonth?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function restrictsNetwork(caps: ProviderCapabilities): boolean {
  return caps.ipAllowlist !== null || caps.originRestriction !== null;
}

/** A key as the inventory holds it; `capabilities` null: the primary connection (ElevenLabs). */
export function subjectOfKey(key: InventoryKey, capabilities: ProviderCapabilities | null): PolicySubject {
  const caps = capabilities ?? ELEVENLABS_CAPABILITIES;
  const details = key.details;
  const subject: PolicySubject = {
    unrestricted: isUnrestricted(accessOf(key)),
    createdAt: key.createdAt,
  };
  if (restrictsNetwork(caps)) {
    const ips = caps.ipAllowlist ? key.allowedIps : null;
    const origins = caps.originRestriction ? (details?.restrictions.allowedOrigins ?? []) : [];
    subject.networkRestricted = (ips !== null && ips.length > 0) || origins.length > 0;
  }
  if (caps.characterLimit) subject.characterLimit = key.characterLimit;
  if (caps.expiry) {
    const expires = details?.expiresAt ? Date.parse(details.expiresAt) : NaN;
    const created = key.createdAt ? Date.parse(key.createdAt) : NaN;
    subject.expiresAfterDays =
      details?.expiresAt == null
        ? null
        : Number.isNaN(expires) || Number.isNaN(created)
          ? null
          : (expires - created) / DAY_MS;
  }
  if (caps.lastUsed) subject.lastUsedAt = details?.lastUsedAt ?? null;
  else if (caps.characterLimit?.reportsUsage && key.characterCount !== null)
    subject.usedThisMonth = key.characterCount > 0;
  return subject;
}

/** What a create or change would leave a key with, in its provider's terms. */
export interface IntendedKey {
  permissions: KeyPermissions | { kind: KeyPermissions["kind"]; value: unknown };
  characterLimit?: number | null;
  ipAllowlist?: string[] | null;
  allowedOrigins?: string[];
  expiresInDays?: number | null;
}

/** The key a create or change would make, now: only the rules a write can break look at it. */
export function subjectOfIntended(key: IntendedKey, capabilities: ProviderCapabilities): PolicySubject {
  const access = key.permissions as KeyPermissions;
  const subject: PolicySubject = {
    unrestricted: access.kind !== "key_type" && isUnrestricted({ ...access, unknown: [] } as KeyPermissions),
    createdAt: new Date().toISOString(),
  };
  if (restrictsNetwork(capabilities)) {
    const ips = capabilities.ipAllowlist ? (key.ipAllowlist ?? null) : null;
    const origins = capabilities.originRestriction ? (key.allowedOrigins ?? []) : [];
    subject.networkRestricted = (ips !== null && ips.length > 0) || origins.length > 0;
  }
  if (capabilities.characterLimit) subject.characterLimit = key.characterLimit ?? null;
  if (capabilities.expiry) subject.expiresAfterDays = key.expiresInDays ?? null;
  return subject;
}
