// What Keydesk does with keys on any provider, in one shape. Pages, forms, risk flags, find a key
// and outside-change detection read a provider's `capabilities` (plain data) to decide what to
// show and offer, never `if (provider === …)`. This file holds types and the provider id list
// only (no server code), so a page may name these types; the adapters themselves are server-only.
import type { Permission } from "@/lib/permissions";

export const PROVIDER_IDS = ["elevenlabs", "docspace", "voiceable"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

// ---------------------------------------------------------------------------------------------
// Credentials

/** Where a connection's keys live and the admin credential Keydesk manages them with. */
export interface ProviderTarget {
  /** ElevenLabs: the API or a residency region; DocSpace: the portal origin; Voiceable: the API base, path included. */
  baseUrl: string;
  /** The admin credential. Never logged, never echoed in a result or an error. */
  credential: string;
  /** The time limit of one upstream call; each provider has a default. */
  timeoutMs?: number;
}

export type CredentialFailureReason =
  | "unauthorized" // the upstream refused the credential (401)
  | "forbidden" // the credential is valid but may not manage keys (403, or ElevenLabs' missing permission)
  | "unreachable" // no connection (refused, DNS, TLS, a redirect, a base URL that is not http(s))
  | "timeout" // no answer within the time limit
  | "bad_response" // an answer of the wrong shape (likely the wrong base URL)
  | "base_url_refused" // the base URL points where Keydesk sends no credential (lib/http/upstream-address*.ts)
  | "upstream_error"; // any other failure (5xx, 429, another 4xx)

/** The outcome of one live read with a credential. Never thrown; never carries the credential. */
export type CredentialCheck =
  | { ok: true; summary: string }
  | { ok: false; reason: CredentialFailureReason; message: string; requestId: string | null };

// ---------------------------------------------------------------------------------------------
// Capabilities: what a provider can do with its keys, as data.

/** DocSpace's scopes, in the order its catalogue lists them. */
export const DOCSPACE_SCOPES = [
  "*",
  "*:read",
  "*:write",
  "accounts.self:read",
  "accounts.self:write",
  "accounts:read",
  "accounts:write",
  "files:read",
  "files:write",
  "rooms:read",
  "rooms:write",
] as const;
export type DocspaceScope = (typeof DOCSPACE_SCOPES)[number];

export const VOICEABLE_KEY_TYPES = ["private", "public"] as const;
export type VoiceableKeyType = (typeof VOICEABLE_KEY_TYPES)[number];

/** How a provider restricts what a key may do. */
export type PermissionModel =
  /** ElevenLabs: a list of named permissions, or "all". */
  | { kind: "permission_list"; values: readonly Permission[]; allowAll: true; editable: true }
  /** DocSpace: a set of scopes; `*` (read back as an empty list upstream) means unrestricted. */
  | {
      kind: "scopes";
      values: readonly DocspaceScope[];
      unrestricted: "*";
      editable: true;
      /** What each scope allows, in one sentence (the key's page shows it beside the scope). */
      descriptions: Readonly<Record<DocspaceScope, string>>;
    }
  /** Voiceable: a key type chosen at creation and fixed afterwards (changing it means a new key). */
  | {
      kind: "key_type";
      values: readonly VoiceableKeyType[];
      editable: false;
      /** What each key type allows, in one sentence. */
      descriptions: Readonly<Record<VoiceableKeyType, string>>;
    };

/** What a key's permissions are, in the model of its provider. */
export type KeyPermissions =
  | {
      kind: "permission_list";
      value: "all" | Permission[];
      /** names this Keydesk does not know */ unknown: string[];
    }
  | { kind: "scopes"; value: "all" | DocspaceScope[]; unknown: string[] }
  | { kind: "key_type"; value: VoiceableKeyType };

export type RotationStyle =
  /** The provider replaces a key's secret itself, keeping its id. */
  | "in_place"
  /** Keydesk creates a twin with the same settings, shows its secret once, then deletes the old key. */
  | "twin_then_delete";

export interface ProviderCapabilities {
  /** The provider's name as people know it. */
  label: string;
  /** Keys belong to a group that must be named on create (ElevenLabs' service accounts); null: no groups. */
  groups: { label: string; requiredOnCreate: true } | null;
  /** Each key shows who made it (DocSpace's creator, Voiceable's owner email). */
  owner: boolean;
  name: { maxLength: number };
  /** The key can be switched off and on again, keeping its settings. */
  disable: boolean;
  /** What to offer when a secret leaks, first choice first. */
  leakResponses: readonly ("disable" | "rotate" | "delete")[];
  permissions: PermissionModel;
  /** A monthly character (credit) cap, and whether the usage against it is reported. */
  characterLimit: { reportsUsage: boolean } | null;
  /** A network restriction: the IP ranges a key may be used from (CIDR). */
  ipAllowlist: { maxEntries: number } | null;
  /** An origin restriction (browser-enforced CORS, not network protection: never present it as such). */
  originRestriction: { emptyMeans: "any_origin" } | null;
  /** A restriction to some of the account's resources. */
  resourceRestriction: { resource: "assistants"; emptyMeans: "all"; transientFlag: boolean } | null;
  /** Keys may expire. `setAt: "create"`: chosen only when creating, read-only afterwards. */
  expiry: { setAt: "create"; minDays: number; maxDays: number } | null;
  /** Expired keys can no longer be changed, only deleted. */
  expiredKeysAreFrozen: boolean;
  /** Where the safe-to-show end of a secret comes from: the upstream, or nowhere. */
  hint: { source: "upstream"; length: number } | null;
  /** The upstream publishes a hash of each secret, so a pasted secret can be matched exactly. */
  secretHash: { algorithm: "sha256" } | null;
  lastUsed: boolean;
  rotation: RotationStyle;
}

// ---------------------------------------------------------------------------------------------
// Keys

/**
 * A key on any provider. Fields a provider cannot have are null (for `enabled`, `hint`,
 * `secretHash`, the dates) or absent (in `restrictions`, where absent means "this provider has no
 * such restriction" and null inside means "this key is not restricted that way").
 */
export interface ProviderKey {
  id: string;
  name: string;
  /**
   * ElevenLabs: the service account; null where the provider has no groups. Its name is null when
   * the read did not carry it (a key read back after a change: see DECISIONS.md).
   */
  group: { id: string; name: string | null } | null;
  /** DocSpace: the creator's display name; Voiceable: the owner's email; null elsewhere. */
  owner: string | null;
  /** The last characters of the secret (DocSpace's keyPostfix, ElevenLabs' hint). */
  hint: string | null;
  /** SHA-256 hex of the secret, where the provider publishes one. */
  secretHash: string | null;
  /** null: the provider has no such flag (Voiceable). */
  enabled: boolean | null;
  /** Why the upstream disabled it, when it says. */
  disableReason: string | null;
  /** ISO 8601. */
  createdAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  permissions: KeyPermissions;
  restrictions: KeyRestrictions;
}

export interface KeyRestrictions {
  /** Present where `capabilities.characterLimit`; limit null = no cap. */
  characterLimit?: { limit: number | null; used: number | null };
  /** Present where `capabilities.ipAllowlist`; null = any address. */
  ipAllowlist?: string[] | null;
  /** Present where `capabilities.originRestriction`; [] = any origin. */
  allowedOrigins?: string[];
  /** Present where `capabilities.resourceRestriction`; allowed [] = every assistant. */
  assistants?: { allowed: string[]; transient: boolean };
}

/** Which key an operation acts on: its id, and its group where the provider has groups. */
export interface KeyRef {
  id: string;
  group?: { id: string } | null;
}

/** The permissions to give a key, in its provider's model. */
export type PermissionsInput =
  | { kind: "permission_list"; value: "all" | Permission[] }
  | { kind: "scopes"; value: "all" | DocspaceScope[] }
  | { kind: "key_type"; value: VoiceableKeyType };

export interface NewKey {
  name: string;
  /** The group to create it in (required where `capabilities.groups`). */
  groupId?: string;
  permissions: PermissionsInput;
  /** Where `capabilities.characterLimit`; null or absent: no cap. */
  characterLimit?: number | null;
  /** Where `capabilities.ipAllowlist`; null or absent: any address. */
  ipAllowlist?: string[] | null;
  /** Where `capabilities.originRestriction`. */
  allowedOrigins?: string[];
  /** Where `capabilities.resourceRestriction`. */
  assistants?: { allowed: string[]; transient: boolean };
  /** Where `capabilities.expiry`; null or absent: never expires. */
  expiresInDays?: number | null;
}

/** Only the fields given change. null clears a cap or an allowlist. */
export interface KeyChanges {
  name?: string;
  permissions?: PermissionsInput;
  characterLimit?: number | null;
  ipAllowlist?: string[] | null;
  allowedOrigins?: string[];
  assistants?: { allowed?: string[]; transient?: boolean };
}

export interface CreatedKey {
  key: ProviderKey;
  /** Returned once, to be shown once: never stored, logged or audited. */
  secret: string;
}

export interface RotateOptions {
  /** For providers with `expiry`: the twin's lifetime (an exact expiry cannot be copied). */
  expiresInDays?: number | null;
}

/**
 * A rotation's outcome. The twin always comes back once it exists, with its secret: when the old
 * key could not be deleted, `old` says so and carries the error, so the caller can retry the delete
 * and the person still gets the new secret.
 */
export interface RotationResult {
  style: RotationStyle;
  twin: CreatedKey;
  old: { id: string; outcome: "deleted" } | { id: string; outcome: "delete_failed"; error: Error };
}

export type KeyMatchReason = "secret_hash" | "id" | "hint" | "name";

export interface KeyMatch {
  key: ProviderKey;
  /** How the key matched, strongest first. */
  matchedBy: KeyMatchReason[];
}

/** A group keys are made in (an ElevenLabs service account), with or without keys. */
export interface KeyGroup {
  id: string;
  name: string;
}

/** The key operations of one connection. Reads retry boundedly; writes are never retried. */
export interface KeyClient {
  /** Every key of the connection (of every group). */
  list(): Promise<ProviderKey[]>;
  /**
   * Every group a key can be created in, those without keys too; only where `capabilities.groups`
   * (a provider without groups has none to list).
   */
  groups?(): Promise<KeyGroup[]>;
  create(input: NewKey): Promise<CreatedKey>;
  /** Sends only the fields given; answers the key as the upstream has it afterwards. */
  change(ref: KeyRef, changes: KeyChanges): Promise<ProviderKey>;
  /** Refused with ProviderUnsupportedError, before any upstream call, where `!capabilities.disable`. */
  setEnabled(ref: KeyRef, enabled: boolean): Promise<ProviderKey>;
  delete(ref: KeyRef): Promise<void>;
  rotate(ref: KeyRef, options?: RotateOptions): Promise<RotationResult>;
  /** A pasted secret, a hint or postfix, an id or a name; every candidate says how it matched. */
  find(query: string): Promise<KeyMatch[]>;
}

export interface ConnectOptions extends ProviderTarget {
  /** Reads' retries; the provider's default policy unless given (tests make it fast). */
  retryPolicy?: { retries: number; baseDelayMs: number; maxRetryAfterMs: number };
}

export interface KeyProvider {
  id: ProviderId;
  capabilities: ProviderCapabilities;
  /** One live read with the credential, no retries. Never throws. */
  checkCredential(target: ProviderTarget): Promise<CredentialCheck>;
  connect(options: ConnectOptions): KeyClient;
}
