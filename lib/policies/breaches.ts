// Which keys break which rules, over the inventory's rows (every connection the user may see).
// Pure and browser-safe: the policies page works it out from the read it shares with All keys.
import type { InventoryRow } from "@/lib/inventory/types";
import { policyBreaks, type PolicyBreak } from "./evaluate";
import type { PolicyRule } from "./rules";
import { subjectOfKey } from "./subject";

export interface KeyBreaches {
  row: InventoryRow;
  breaks: PolicyBreak[];
}

/** The rows that break at least one rule, each with what it breaks, in the rows' order. */
export function keysBreakingPolicies(
  rows: readonly InventoryRow[],
  rules: readonly PolicyRule[],
  now: number = Date.now(),
): KeyBreaches[] {
  if (rules.length === 0) return [];
  const out: KeyBreaches[] = [];
  for (const row of rows) {
    const breaks = policyBreaks(rules, subjectOfKey(row, row.connection?.capabilities ?? null), now);
    if (breaks.length > 0) out.push({ row, breaks });
  }
  return out;
}
