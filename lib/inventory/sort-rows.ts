// The table's sort. Each row's sort value is read once (not once per comparison), ties keep the
// order rows came in (so a second click on a column never shuffles equal rows), and rows with no
// value (no limit, no allowlist, no creation date) go last in either direction: flipping the
// direction should bring the other end of the real values to the top, not a block of blanks.
import type { SortDir, SortKey } from "./filters";
import type { InventoryRow } from "./types";

type SortValue = string | number | null;

// Numeric-aware, case- and accent-insensitive, so "key 10" follows "key 9" and "é" sits by "e".
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

const VALUE: Record<SortKey, (row: InventoryRow) => SortValue> = {
  connection: (r) => r.connection?.name ?? null,
  /** The service account, or the owner where the provider has no groups. */
  serviceAccount: (r) => r.serviceAccountName || r.details?.owner || null,
  name: (r) => r.name,
  hint: (r) => r.hint,
  /** Ascending puts enabled keys first; keys that cannot be disabled go last. */
  status: (r) => (r.enabled === null ? null : r.enabled ? 0 : 1),
  permissions: (r) => r.breadth,
  usage: (r) => r.usageRatio,
  /** The ranges as text, so keys sharing an allowlist sit together; null (any IP) goes last. */
  allowlist: (r) => (r.allowedIps === null ? null : r.allowedIps.join(" ")),
  createdAt: (r) => r.createdAtMs,
  risk: (r) => r.flags.length,
};

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === "string" && typeof b === "string") return collator.compare(a, b);
  // Not subtraction: Infinity - Infinity is NaN, and a limit of 0 that has been used is Infinity.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A new array; the input is left as it was. */
export function sortRows(rows: readonly InventoryRow[], sort: SortKey, dir: SortDir): InventoryRow[] {
  const value = VALUE[sort];
  const sign = dir === "asc" ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, value: value(row) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.index - b.index;
      return a.value === null ? 1 : -1;
    }
    return sign * compareValues(a.value, b.value) || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}
