// Keys to table rows: flags and the values filtering and sorting need, worked out once per key;
// plus the summaries the page shows above the table.
import { usageLevel } from "@/lib/keys/summary";
import { PERMISSIONS } from "@/lib/permissions";
import { riskFlags } from "./risk";
import { RISK_FLAGS, type InventoryKey, type InventoryRow, type RiskFlag } from "./types";

/**
 * NUL between fields so a search can never match across two of them (the end of a name and the
 * start of its hint); lower-cased once here rather than on every keystroke.
 */
function searchText(key: InventoryKey): string {
  return [key.name, key.hint, key.id, key.serviceAccountName].join("\u0000").toLowerCase();
}

export function inventoryRow(key: InventoryKey): InventoryRow {
  const created = key.createdAt === null ? NaN : Date.parse(key.createdAt);
  return {
    ...key,
    flags: riskFlags(key),
    searchText: searchText(key),
    usageRatio: usageLevel(key).ratio,
    // "all" outranks a list of every permission known today: it also gets what ElevenLabs adds later.
    breadth: key.permissions === "all" ? PERMISSIONS.length + 1 : new Set(key.permissions).size,
    createdAtMs: Number.isNaN(created) ? null : created,
  };
}

export function inventoryRows(keys: readonly InventoryKey[]): InventoryRow[] {
  return keys.map(inventoryRow);
}

/** How many rows carry each flag; every flag is present, 0 when none does. */
export function countFlags(rows: readonly InventoryRow[]): Record<RiskFlag, number> {
  const counts = Object.fromEntries(RISK_FLAGS.map((flag) => [flag, 0])) as Record<RiskFlag, number>;
  for (const row of rows) for (const flag of row.flags) counts[flag] += 1;
  return counts;
}

/** The n keys that have a limit, highest share used first; equal shares keep their input order. */
export function closestToLimit(rows: readonly InventoryRow[], n: number): InventoryRow[] {
  if (!(n > 0)) return [];
  const limited = rows.flatMap((row) => (row.usageRatio === null ? [] : [{ row, ratio: row.usageRatio }]));
  // Array.prototype.sort is stable, and comparing (not subtracting) keeps Infinity == Infinity.
  limited.sort((a, b) => (a.ratio < b.ratio ? 1 : a.ratio > b.ratio ? -1 : 0));
  return limited.slice(0, n).map(({ row }) => row);
}
