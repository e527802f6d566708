// The rules that are on, in the `key_policy` table: one row per rule, in the catalogue's order.
// Read on every check (a handful of rows), so a change on one instance holds on every other at once.
import "server-only";
import type { Db } from "@/lib/db";
import { keyPolicy } from "@/lib/db/schema";
import type { Tx } from "@/lib/audit/append";
import { POLICY_KINDS, isPolicyKind, type PolicyMode, type PolicyRule } from "./rules";

const order = (rule: PolicyRule) => POLICY_KINDS.indexOf(rule.kind);

export async function readPolicies(db: Db | Tx): Promise<PolicyRule[]> {
  const rows = await db.select().from(keyPolicy);
  return rows
    .filter((row) => isPolicyKind(row.kind))
    .map((row) => ({ kind: row.kind as PolicyRule["kind"], mode: row.mode as PolicyMode, limit: row.limit }))
    .sort((a, b) => order(a) - order(b));
}

/** Replaces every rule with `rules` (inside the caller's transaction). */
export async function writePolicies(tx: Tx, rules: readonly PolicyRule[], updatedBy: string): Promise<void> {
  await tx.delete(keyPolicy);
  if (rules.length > 0)
    await tx.insert(keyPolicy).values(rules.map((rule) => ({ ...rule, updatedBy, updatedAt: new Date() })));
}
