"use client";
// The keys that break a rule that is on, from the same read as All keys (every connection the user
// may see), each with its rules and why, its name linking to its page. Worked out in the browser:
// the rules are a handful, the rows already there.
import { Link } from "@/components/ui/link";
import { useMemo } from "react";
import { ReadingKeys } from "@/components/ui/reading-keys";
import { QueryErrorPanel } from "@/components/ui/query-error-panel";
import { rowHref } from "@/components/inventory/inventory-cells";
import { allConnectionRows } from "@/lib/inventory/rows";
import { useEveryConnection } from "@/lib/inventory/use-every-connection";
import { keysBreakingPolicies } from "@/lib/policies/breaches";
import { usePolicies } from "@/lib/policies/queries";
import { POLICY_INFO, type PolicyRule } from "@/lib/policies/rules";
import { CARDS_ON_PHONES } from "@/components/layout/phone-cards";

export function PolicyBreaches({ rules: initial, primary }: { rules: PolicyRule[]; primary: boolean }) {
  const { data: rules = initial } = usePolicies(initial);
  const every = useEveryConnection(primary);
  const breaches = useMemo(() => {
    if (every.pending) return null;
    const rows = allConnectionRows(every.primary ?? { keys: [], connection: null }, every.otherReads ?? []);
    return keysBreakingPolicies(rows, rules);
  }, [every.pending, every.primary, every.otherReads, rules]);

  if (rules.length === 0)
    return <p className="text-sm text-slate-600">No rule is on, so no key breaks one.</p>;
  if (!every.primaryLeftOut && every.primaryQuery.error)
    return (
      <QueryErrorPanel
        title="Keydesk could not read the keys to check them against the rules."
        error={every.primaryQuery.error}
        onRetry={() => void every.primaryQuery.refetch()}
        retrying={every.primaryQuery.isFetching}
      />
    );
  if (breaches === null) return <ReadingKeys height="h-40" />;
  if (breaches.length === 0)
    return (
      <p role="status" className="text-sm text-slate-700">
        Every key keeps every rule that is on.
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`w-full text-left text-sm ${CARDS_ON_PHONES}`}>
        <caption className="sr-only">Keys that break a rule</caption>
        <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Key
            </th>
            <th scope="col" className="px-3 py-2">
              Connection
            </th>
            <th scope="col" className="px-3 py-2">
              Rules it breaks
            </th>
          </tr>
        </thead>
        <tbody>
          {breaches.map(({ row, breaks }) => {
            const href = rowHref(row);
            return (
              <tr key={row.rowKey} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2 font-medium">
                  {href ? (
                    <Link href={href} className="underline">
                      {row.name}
                    </Link>
                  ) : (
                    row.name
                  )}
                </td>
                <td className="px-3 py-2 text-slate-700">{row.connection?.name ?? "—"}</td>
                <td className="px-3 py-2">
                  <ul className="space-y-1">
                    {breaks.map((b) => (
                      <li key={b.kind}>
                        <span className="font-medium">{POLICY_INFO[b.kind].label}</span>
                        {b.enforced ? " (enforced)" : ""}: {b.reason}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600">
        {breaches.length} key{breaches.length === 1 ? "" : "s"} break{breaches.length === 1 ? "s" : ""} a
        rule. Keys changed outside Keydesk are reported here, never changed by it.
      </p>
    </div>
  );
}
