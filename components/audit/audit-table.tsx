import { actionLabel } from "@/lib/audit/actions";
import { connectionLabel, type ConnectionNames } from "@/lib/audit/connection-label";
import type { AuditEntry } from "@/lib/audit/types";
import { visibleText } from "@/lib/format";
import { CARDS_ON_PHONES } from "@/components/layout/phone-cards";

const OUTCOME_STYLE = {
  ok: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  error: "bg-red-50 text-red-800 ring-red-200",
  unknown: "bg-amber-50 text-amber-900 ring-amber-300",
  // An uncertain write, reconciled by re-reading the upstream (lib/keys/reconcile.ts).
  applied: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  not_applied: "bg-red-50 text-red-800 ring-red-200",
} as const satisfies Record<AuditEntry["outcome"], string>;

const OUTCOME_WORDS: Partial<Record<AuditEntry["outcome"], string>> = {
  unknown: "outcome unknown",
  not_applied: "not applied",
};

function describeChanges(changes: AuditEntry["changes"]): string {
  if (!changes) return "";
  return Object.entries(changes)
    .map(([field, { before, after }]) => `${field}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`)
    .join("; ");
}

function target(entry: AuditEntry): string {
  const t = entry.target;
  // Names and ids come from the upstream: a NUL or a lone surrogate is shown spelled out.
  return [t.name, t.keyId && `key ${t.keyId}`, t.serviceAccountId && `account ${t.serviceAccountId}`]
    .filter((part): part is string => Boolean(part))
    .map(visibleText)
    .join(" · ");
}

/** `connectionNames`: the connections' names now; a row whose connection was removed shows its id. */
export function AuditTable({
  entries,
  connectionNames = {},
}: {
  entries: AuditEntry[];
  connectionNames?: ConnectionNames;
}) {
  if (entries.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
        No audit events match these filters.
      </p>
    );
  }
  return (
    <div
      tabIndex={0}
      role="region"
      aria-label="Audit events (scrolls sideways)"
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-indigo-600"
    >
      <table className={`w-full text-left text-sm ${CARDS_ON_PHONES}`}>
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Time (UTC)
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Actor
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Connection
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Target
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Details
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Outcome
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id} data-audit-id={entry.id}>
              <td className="px-3 py-2 font-mono text-xs whitespace-nowrap text-slate-700">
                {entry.at.replace("T", " ").slice(0, 19)}
              </td>
              <td className="px-3 py-2">
                <div>
                  {entry.actor.email ??
                    (entry.action === "key_observed_change" || entry.action === "inventory_baseline"
                      ? "Seen by Keydesk"
                      : "—")}
                </div>
                <div className="text-xs text-slate-500">
                  {[entry.actor.role, entry.ip].filter(Boolean).join(" · ")}
                </div>
              </td>
              <th scope="row" className="px-3 py-2 text-sm font-medium">
                {actionLabel(entry.action) ?? entry.action}
                {actionLabel(entry.action) ? (
                  <div className="font-mono text-xs font-normal text-slate-500">{entry.action}</div>
                ) : null}
              </th>
              <td className="px-3 py-2 text-slate-700">
                {visibleText(connectionLabel(entry.target.connectionId, connectionNames) ?? "—")}
              </td>
              <td className="px-3 py-2 text-slate-700">{target(entry)}</td>
              <td className="max-w-md px-3 py-2 text-xs text-slate-700">
                {describeChanges(entry.changes)}
                {entry.reason ? <div>Reason: {entry.reason}</div> : null}
              </td>
              <td className="px-3 py-2">
                <span
                  className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${OUTCOME_STYLE[entry.outcome]}`}
                >
                  {OUTCOME_WORDS[entry.outcome] ?? entry.outcome}
                </span>
                {entry.errorCode ? (
                  <div className="mt-1 font-mono text-xs text-red-800">
                    {entry.errorCode}
                    {entry.upstreamStatus ? ` (HTTP ${entry.upstreamStatus})` : ""}
                  </div>
                ) : null}
                {entry.upstreamRequestId ? (
                  <div className="font-mono text-[11px] text-slate-500">
                    upstream {entry.upstreamRequestId}
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
