// The overview's key policies: how many keys break a rule that is on, and each rule's count, each a
// link to All keys filtered to those keys. Counted over the same rows as the risk flags above.
import { Link } from "@/components/ui/link";
import { useMemo } from "react";
import type { InventoryRow } from "@/lib/inventory/types";
import { keysBreakingPolicies } from "@/lib/policies/breaches";
import { POLICY_INFO, type PolicyKind, type PolicyRule } from "@/lib/policies/rules";
import { policyHref } from "./flag-href.logic";
import { Stat } from "./stat";

export function PolicyTiles({
  rows,
  rules,
  counted,
}: {
  rows: readonly InventoryRow[];
  rules: readonly PolicyRule[];
  /** The connection the counts cover (null: every connection shown). */
  counted: string | null;
}) {
  const { breaking, byKind } = useMemo(() => {
    const breaches = keysBreakingPolicies(rows, rules);
    const byKind = new Map<PolicyKind, number>();
    for (const { breaks } of breaches)
      for (const b of breaks) byKind.set(b.kind, (byKind.get(b.kind) ?? 0) + 1);
    return { breaking: breaches.length, byKind };
  }, [rows, rules]);

  return (
    <section aria-labelledby="overview-policies" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="overview-policies" className="text-lg font-semibold">
          Key policies
        </h2>
        <Link href="/policies" className="text-sm font-medium text-indigo-700 hover:underline">
          {rules.length === 0 ? "Set rules for keys" : "The rules"}
        </Link>
      </div>
      {rules.length === 0 ? (
        <p className="text-sm text-slate-600">No rule is on, so no key breaks one.</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          <li>
            <Stat
              label="Keys breaking a rule"
              summary={`Of the ${rules.length === 1 ? "rule" : `${rules.length} rules`} that are on`}
              value={breaking}
              href={policyHref("any", counted)}
              id="policy-any"
            />
          </li>
          {rules.map((rule) => (
            <li key={rule.kind}>
              <Stat
                label={POLICY_INFO[rule.kind].label}
                summary={`${POLICY_INFO[rule.kind].sentence(rule.limit)}${rule.mode === "enforce" ? " Enforced." : ""}`}
                value={byKind.get(rule.kind) ?? 0}
                href={policyHref(rule.kind, counted)}
                id={`policy-${rule.kind}`}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
