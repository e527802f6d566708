// Keys to table rows: flags and the values filtering and sorting need, worked out once per key;
// plus the summaries the page shows above the table.
import { usageLevel } from "@/lib/keys/summary";
import { PERMISSIONS } from "@/lib/permissions";
import type { KeyPermissions } from "@/lib/providers/types";
import type { InventoryConnection, OtherConnectionRead } from "./connections";
import { accessOf, riskFlags } from "./risk";
import { RISK_FLAGS, type InventoryKey, type InventoryRow, type RiskFlag } from "./types";

/**
 * NUL between fields so a search can never match across two of them (the end of a name and the
 * start of its hint); lower-cased once here rather than on every keystroke.
 */
function searchText(key: InventoryKey, connection: InventoryConnection | null): string {
  const fields = [key.name, key.hint, key.id, key.serviceAccountName];
  if (key.details?.owner) fields.push(key.details.owner);
  if (connection) fields.push(connection.name);
  return fields.join("\u0000").toLowerCase();
}

/** Above any count: what can do everything outranks the broadest list. */
const EVERYTHING = PERMISSIONS.length + 1;

/** How much the key may do, comparable across permission models for sorting. */
function breadthOf(access: KeyPermissions): number {
  // "all" outranks a list of every permission known today: it also gets what is added later.
  if (access.kind === "key_type") return access.value === "private" ? EVERYTHING : 1;
  return access.value === "all" ? EVERYTHING : new Set<string>(access.value).size;
}

export function inventoryRow(
  key: InventoryKey,
  connection: InventoryConnection | null = null,
  now: number = Date.now(),
): InventoryRow {
  const created = key.createdAt === null ? NaN : Date.parse(key.createdAt);
  return {
    ...key,
    connection,
    rowKey: connection ? `${connection.id}\u0000${key.id}` : key.id,
    flags: riskFlags(key, connection?.capabilities ?? null, now),
    searchText: searchText(key, connection),
    usageRatio: usageLevel(key).ratio,
    breadth: breadthOf(accessOf(key)),
    createdAtMs: Number.isNaN(created) ? null : created,
  };
}

export function inventoryRows(
  keys: readonly InventoryKey[],
  connection: InventoryConnection | null = null,
  now: number = Date.now(),
): InventoryRow[] {
  return keys.map((key) => inventoryRow(key, connection, now));
}

/** The rows of every connection that could be read: the primary's first, then the others in order. */
export function allConnectionRows(
  primary: { keys: readonly InventoryKey[]; connection: InventoryConnection | null },
  others: readonly OtherConnectionRead[],
  now: number = Date.now(),
): InventoryRow[] {
  const rows = inventoryRows(primary.keys, primary.connection, now);
  for (const read of others)
    if (read.ok) for (const key of read.keys) rows.push(inventoryRow(key, read.connection, now));
  return rows;
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
