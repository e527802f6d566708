// Keydesk's own picture of service accounts and their keys: camelCase, dates as ISO strings,
// permissions as "all" or a list. Pages and route handlers see only these shapes, never the wire.
import type { Permission, Permissions } from "@/lib/permissions";

export type DisableReason = "trial_ended" | "subscription_downgrade" | "exposed_publicly" | "self_disabled";

export interface ApiKey {
  id: string;
  serviceAccountId: string;
  name: string;
  /** The last characters of the secret, safe to show. */
  hint: string;
  /** SHA-256 (hex) of the secret as ElevenLabs reports it; used to match a pasted secret. */
  hashedSecret: string;
  enabled: boolean;
  disableReason: DisableReason | string | null;
  permissions: Permissions;
  /** Permission names the upstream sent that this version of Keydesk does not know. */
  unknownPermissions: string[];
  /** Monthly character (credit) cap; null: no cap. */
  characterLimit: number | null;
  /** Characters used this billing period; null when the upstream does not say. */
  characterCount: number | null;
  /** Normalised CIDR ranges; null: any IP may use the key. */
  allowedIps: string[] | null;
  thirdPartyDisableAllowed: boolean | null;
  createdAt: string | null;
  /**
   * An unfinished rotation this key is part of (Keydesk's own record, not the upstream's). Always
   * present, null or set, in Keydesk's API answers; absent from the upstream client's reads.
   */
  rotation?: KeyRotation | null;
  /**
   * How Keydesk first learned of this key (its own record, see lib/observed): set on inventory
   * reads, null when that record could not be consulted, absent elsewhere.
   */
  origin?: KeyOrigin | null;
}

/**
 * "keydesk": made through Keydesk; "baseline": already there when Keydesk began observing;
 * "outside": first seen after that, made somewhere else (ElevenLabs' own settings page, the API).
 */
export type KeyOrigin = "keydesk" | "baseline" | "outside";

/** Old key and its replacement, paired until the old one is disabled or deleted through Keydesk. */
export interface KeyRotation {
  /** "old": this key is being replaced; "new": this key replaces the partner. */
  role: "old" | "new";
  partnerKeyId: string;
  /** ISO 8601. */
  startedAt: string;
}

export interface ServiceAccount {
  id: string;
  name: string;
  createdAt: string | null;
  keys: ApiKey[];
}

export interface NewKeyInput {
  name: string;
  permissions: Permissions;
  characterLimit?: number | null;
  allowedIps?: string[] | null;
}

/** Only the fields being changed; `null` clears a limit or an allowlist. */
export interface KeyChanges {
  name?: string;
  enabled?: boolean;
  permissions?: Permissions;
  characterLimit?: number | null;
  allowedIps?: string[] | null;
}

export interface CreatedKey {
  keyId: string;
  /** Shown once to the person who created the key; never stored, logged or audited. */
  secret: string;
}

export type { Permission, Permissions };
