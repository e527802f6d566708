// The filters as a short sentence, for page headings and for the top of an export, e.g.
// `status disabled; risk: unrestricted, no IP allowlist; text “prod”`.
import type { InventoryFilters } from "./filters";
import { POLICY_INFO } from "@/lib/policies/rules";
import { RISK_FLAG_INFO } from "./risk";

/** "No IP allowlist" -> "no IP allowlist": mid-sentence, but acronyms kept. */
const midSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/**
 * The sort is left out: it changes the order, not which keys are included. Service accounts are
 * named when `accountNames` (id to name) knows them, else shown by id.
 */
export function describeFilters(
  filters: Pick<InventoryFilters, "sa" | "status" | "risk" | "perm" | "q"> &
    Partial<Pick<InventoryFilters, "connection" | "policy">>,
  accountNames?: ReadonlyMap<string, string>,
  connectionNames?: ReadonlyMap<string, string>,
): string {
  const parts: string[] = [];
  const connections = filters.connection ?? [];
  if (connections.length > 0) {
    const names = connections.map((id) => connectionNames?.get(id) ?? id);
    parts.push(`${names.length === 1 ? "connection" : "connections"} ${names.join(", ")}`);
  }
  if (filters.sa.length > 0) {
    const names = filters.sa.map((id) => accountNames?.get(id) ?? id);
    parts.push(`${names.length === 1 ? "service account" : "service accounts"} ${names.join(", ")}`);
  }
  if (filters.status) parts.push(`status ${filters.status}`);
  if (filters.risk.length > 0)
    parts.push(`risk: ${filters.risk.map((f) => midSentence(RISK_FLAG_INFO[f].label)).join(", ")}`);
  if (filters.perm.length > 0)
    parts.push(
      `${filters.perm.length === 1 ? "has permission" : "has permissions"} ${filters.perm.join(", ")}`,
    );
  if (filters.policy)
    parts.push(
      filters.policy === "any"
        ? "breaks a key policy"
        : `breaks the policy “${POLICY_INFO[filters.policy].label}”`,
    );
  if (filters.q.trim() !== "") parts.push(`text “${filters.q.trim()}”`);
  return parts.length > 0 ? parts.join("; ") : "all keys";
}
