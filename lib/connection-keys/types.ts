// The shapes of the per-connection keys API (/api/connections/{connectionId}/keys/…), for the route
// handlers and the pages alike: types only, no server code, so a client component may import them.
// The bodies are lib/providers' own input shapes (NewKey, KeyChanges), plus what only this API adds.
import type { ConnectionView } from "@/lib/connections/types";
import type {
  KeyChanges,
  KeyGroup,
  NewKey,
  ProviderCapabilities,
  ProviderKey,
  RotationStyle,
} from "@/lib/providers/types";

/**
 * A key as the browser sees it: the provider's key without the secret's hash (which could confirm
 * a guessed secret offline). Fields a provider cannot have are null or absent, as in ProviderKey.
 */
export type ConnectionKeyView = Omit<ProviderKey, "secretHash">;

/** A key in a connection's list: its view, and what the list knows of it besides. */
export type ListedConnectionKey = ConnectionKeyView & {
  /**
   * This key may be the admin credential Keydesk itself uses for the connection (its hint matches
   * the credential's last four characters; or, where the provider shows no hint, it is a key with
   * full access), so deleting or rotating it may stop the connection working. The credential is
   * never in the answer, only this.
   */
  mayBeConnectionCredential: boolean;
};

/** GET /api/connections/{connectionId}/keys */
export interface ConnectionKeysAnswer {
  connection: ConnectionView;
  capabilities: ProviderCapabilities;
  keys: ListedConnectionKey[];
  /**
   * Where `capabilities.groups`: every group a key can be created in (an ElevenLabs service account
   * with no keys yet too); null where the provider has no groups.
   */
  groups: KeyGroup[] | null;
  /** When the upstream was read (ISO 8601). */
  readAt: string;
}

/** POST /api/connections/{connectionId}/keys (admins). "all" permissions need a recent sign-in.
 * `groupId` is required where `capabilities.groups`, refused elsewhere. */
export type NewConnectionKeyBody = NewKey;

/** 201, `cache-control: no-store`: the secret is shown once and never stored. */
export interface CreatedConnectionKeyAnswer {
  key: ConnectionKeyView;
  secret: string;
}

/**
 * PATCH /api/connections/{connectionId}/keys/{keyId}[?group=]. Admins: any of these; support: only
 * `enabled` and `reason` (a reason is required to disable). Only the fields given are sent upstream.
 */
export type ConnectionKeyChangeBody = KeyChanges & {
  /** A 422 on `enabled` where the provider has no disable. */
  enabled?: boolean;
  reason?: string;
  /**
   * What the edit saw of the fields it changes (expected.ts `expectedOf`): a 409, with nothing sent
   * upstream, when one of them has moved since. Optional: a field it does not name is last-writer-wins.
   */
  expected?: ExpectedKeyValues;
};

/** A key's fields as an edit saw them, in a change's terms (expected.ts `valueOf`). */
export interface ExpectedKeyValues {
  name?: string;
  permissions?: { kind: string; value: string | string[] };
  characterLimit?: number | null;
  ipAllowlist?: string[] | null;
  allowedOrigins?: string[] | null;
  assistants?: { allowed?: string[]; transient?: boolean } | null;
  enabled?: boolean | null;
}

export interface ChangedConnectionKeyAnswer {
  key: ConnectionKeyView;
}

/** A 409 to a change whose `expected` no longer holds: the error's `current` is the key as it is now. */
export interface ConnectionKeyConflict {
  current: ConnectionKeyView;
}

/** DELETE /api/connections/{connectionId}/keys/{keyId}[?group=] (admins, recent sign-in): an optional body. */
export interface DeleteConnectionKeyBody {
  reason?: string;
}

export interface DeletedConnectionKeyAnswer {
  deleted: true;
}

/**
 * POST /api/connections/{connectionId}/keys/{keyId}/rotate[?group=]: admins; support too where the
 * provider has no disable (rotation is then its leak response). An optional body.
 */
export interface RotateConnectionKeyBody {
  reason?: string;
  /** Where the provider has expiry: the twin's lifetime (the old key's when absent). */
  expiresInDays?: number | null;
}

/** `cache-control: no-store`. When the old key could not be deleted, the twin still comes back. */
export interface RotatedConnectionKeyAnswer {
  style: RotationStyle;
  twin: CreatedConnectionKeyAnswer;
  old: { id: string; outcome: "deleted" } | { id: string; outcome: "delete_failed"; message: string };
}
