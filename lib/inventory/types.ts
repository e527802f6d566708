// The shapes of the "All keys" inventory: every key of every connection in one table.
import type { KeyOrigin } from "@/lib/elevenlabs/types";
import type { KeyView } from "@/lib/keys/view";
import type {
  KeyPermissions,
  KeyRestrictions,
  ProviderCapabilities,
  ProviderId,
} from "@/lib/providers/types";

/** A connection as the inventory's rows carry it: its provider's capabilities drive what is shown. */
export interface InventoryConnection {
  id: string;
  name: string;
  provider: ProviderId;
  capabilities: ProviderCapabilities;
}

/**
 * What a key of a connection other than the primary one has beyond the ElevenLabs shape, in its
 * provider's terms (lib/providers/types.ts). Absent on the primary connection's keys, which keep
 * the shape (and the size) they always had.
 */
export interface ProviderKeyDetails {
  owner: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  /** The key's permissions in its provider's model (DocSpace scopes, Voiceable key type, …). */
  access: KeyPermissions;
  restrictions: KeyRestrictions;
}

/**
 * A key as the inventory sends it. Keys of other providers fill the ElevenLabs fields they have
 * (their group as the service account, "" where none), have `enabled` null where the provider has
 * no disable, and carry the rest in `details`.
 */
export type InventoryKey = Omit<KeyView, "enabled"> & {
  enabled: boolean | null;
  serviceAccountName: string;
  origin: KeyOrigin | null;
  details?: ProviderKeyDetails;
};

/**
 * A key as the table holds it: its risk flags, plus values worked out once in `inventoryRows` so
 * that filtering and sorting 10,000 rows on every keystroke does no repeated string or date work.
 */
export type InventoryRow = InventoryKey & {
  /** The key's connection; null only for rows built without one (the overview's primary rows). */
  connection: InventoryConnection | null;
  /** Unique across connections (two workspaces may hold the same key id): selection and React keys. */
  rowKey: string;
  flags: RiskFlag[];
  /** Name, hint, key id, service account, owner and connection name, lower-cased, NUL-separated (see rows.ts). */
  searchText: string;
  /** Characters used over the limit (Infinity when a limit of 0 has been used); null without a limit. */
  usageRatio: number | null;
  /** How much the key may do: its permission count, and more than every permission for "all". */
  breadth: number;
  /** createdAt in epoch milliseconds; null when unknown or unreadable. */
  createdAtMs: number | null;
};

/** In the order the table shows them: access first, then exposure, then state. */
export const RISK_FLAGS = [
  "unrestricted",
  "privileged",
  "private_key",
  "no_allowlist",
  "any_origin",
  "all_assistants",
  "no_limit",
  "near_limit",
  "no_expiry",
  "expired",
  "disabled",
  "stale",
  "no_use_this_month",
  "rotating",
  "unseen",
] as const;

export type RiskFlag = (typeof RISK_FLAGS)[number];

const RISK_FLAG_SET: ReadonlySet<string> = new Set(RISK_FLAGS);

export function isRiskFlag(value: unknown): value is RiskFlag {
  return typeof value === "string" && RISK_FLAG_SET.has(value);
}
