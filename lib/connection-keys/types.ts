// The shapes of the per-connection keys API (/api/connections/{connectionId}/keys/…), for the route
// handlers and the pages alike: types only, no server code, so a client component may import them.
// The bodies are lib/providers' own input shapes (NewKey, KeyChanges), plus what only this API adds.
import type { ConnectionView } from "@/lib/connections/types";
import type {
  KeyChanges,
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

/** GET /api/connections/{connectionId}/keys */
export interface ConnectionKeysAnswer {
  connection: ConnectionView;
  capabilities: ProviderCapabilities;
  keys: ConnectionKeyView[];
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
};

export interface ChangedConnectionKeyAnswer {
  key: ConnectionKeyView;
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
