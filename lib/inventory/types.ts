// The shapes of the "All keys" inventory: every key of every service account in one table.
import type { KeyOrigin } from "@/lib/elevenlabs/types";
import type { KeyView } from "@/lib/keys/view";

export type InventoryKey = KeyView & { serviceAccountName: string; origin: KeyOrigin | null };

/**
 * A key as the table holds it: its risk flags, plus values worked out once in `inventoryRows` so
 * that filtering and sorting 10,000 rows on every keystroke does no repeated string or date work.
 */
export type InventoryRow = InventoryKey & {
  flags: RiskFlag[];
  /** Name, hint, key id and service account name, lower-cased, NUL-separated (see rows.ts). */
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
  "no_allowlist",
  "no_limit",
  "near_limit",
  "disabled",
  "rotating",
  "unseen",
] as const;

export type RiskFlag = (typeof RISK_FLAGS)[number];

const RISK_FLAG_SET: ReadonlySet<string> = new Set(RISK_FLAGS);

export function isRiskFlag(value: unknown): value is RiskFlag {
  return typeof value === "string" && RISK_FLAG_SET.has(value);
}
