// Which rows the filters keep. Runs on every keystroke over up to 10,000 rows, so each filter is
// turned into a cheap test once, the cheapest tests run first, and text search uses the row's
// precomputed searchText.
import { PRODUCT_AREAS, type Permission, type Permissions } from "@/lib/permissions";
import { policyBreaks } from "@/lib/policies/evaluate";
import type { PolicyRule } from "@/lib/policies/rules";
import { subjectOfKey } from "@/lib/policies/subject";
import type { InventoryFilters } from "./filters";
import type { InventoryRow } from "./types";

/** Each write of a read/write pair, mapped to its read. */
const WRITE_OF_READ = new Map<Permission, Permission>(
  PRODUCT_AREAS.flatMap((area) => area.controls).flatMap((c) =>
    c.kind === "pair" ? [[c.read, c.write] as const] : [],
  ),
);

/**
 * The permissions any one of which means a key "has" this one. A `_write` counts as having the
 * matching `_read`: ElevenLabs' own key form, and Keydesk's picker, offer None/Read/Write where
 * Write includes Read, so someone asking "which keys can read voices?" means those with Write too.
 * Nothing else is implied: single capabilities (e.g. webhooks_write) have no read to include.
 */
function satisfiedBy(permission: Permission): Permission[] {
  const write = WRITE_OF_READ.get(permission);
  return write ? [permission, write] : [permission];
}

/** An unrestricted key has every permission. */
export function hasPermission(permissions: Permissions, permission: Permission): boolean {
  if (permissions === "all") return true;
  return satisfiedBy(permission).some((p) => permissions.includes(p));
}

/** Whether a row breaks the rule the filter names (or any rule) among `rules`, the rules that are on. */
function breaksPolicy(
  row: InventoryRow,
  policy: NonNullable<InventoryFilters["policy"]>,
  rules: readonly PolicyRule[],
  now: number,
): boolean {
  const applicable = policy === "any" ? rules : rules.filter((rule) => rule.kind === policy);
  if (applicable.length === 0) return false;
  return policyBreaks(applicable, subjectOfKey(row, row.connection?.capabilities ?? null), now).length > 0;
}

/**
 * `rules`: the key policies that are on, for the policy filter (a rule that is off is broken by no
 * key, so filtering by it shows none).
 */
export function filterRows(
  rows: readonly InventoryRow[],
  filters: Pick<InventoryFilters, "connection" | "sa" | "status" | "risk" | "perm" | "q" | "policy">,
  rules: readonly PolicyRule[] = [],
  now: number = Date.now(),
): InventoryRow[] {
  const connections = filters.connection.length > 0 ? new Set(filters.connection) : null;
  const accounts = filters.sa.length > 0 ? new Set(filters.sa) : null;
  const wantEnabled = filters.status === undefined ? null : filters.status === "enabled";
  const wanted = filters.perm.map(satisfiedBy);
  const needle = filters.q.trim().toLowerCase();
  return rows.filter((row) => {
    if (connections !== null && !(row.connection && connections.has(row.connection.id))) return false;
    if (accounts !== null && !accounts.has(row.serviceAccountId)) return false;
    // A key of a provider without disable (enabled null) is neither enabled nor disabled.
    if (wantEnabled !== null && row.enabled !== wantEnabled) return false;
    if (!filters.risk.every((flag) => row.flags.includes(flag))) return false;
    const held = row.permissions;
    if (held !== "all" && !wanted.every((any) => any.some((p) => held.includes(p)))) return false;
    if (needle !== "" && !row.searchText.includes(needle)) return false;
    // Last: the dearest test, run only on the rows every other filter kept.
    return filters.policy === undefined || breaksPolicy(row, filters.policy, rules, now);
  });
}
