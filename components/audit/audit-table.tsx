// The audit log as people read it: when (in their own time, ISO on hover), who, what in words, on
// which connection, the target by name with a link (ids on hover), each change as "field: before →
// after" in words, and how it ended. Every row opens to its raw record for experts. The table keeps
// to the page's width: fixed columns, long text wraps, long values are cut with the whole on hover.
import { connectionLabel, type ConnectionNames } from "@/lib/audit/connection-label";
import { describeChanges } from "@/lib/audit/describe";
import { describeAction, type Tone } from "@/lib/audit/describe-action";
import { describeTarget } from "@/lib/audit/describe-target";
import type { AuditEntry } from "@/lib/audit/types";
import { visibleText } from "@/lib/format";
import { CARDS_ON_PHONES } from "@/components/layout/phone-cards";
import { AuditRow } from "./audit-row";
import { AuditTarget } from "./audit-target";
import { LocalTime } from "./local-time";

const TONE_STYLE = {
  ok: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  error: "bg-red-50 text-red-800 ring-red-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-300",
} as const satisfies Record<Tone, string>;

const HEADERS = [
  { name: "Time", width: "w-32" },
  { name: "Actor", width: "w-44" },
  { name: "Action", width: "w-40" },
  { name: "Connection", width: "w-32" },
  { name: "Target", width: "w-44" },
  { name: "Changes", width: "" },
  { name: "Outcome", width: "w-40" },
] as const;

function actorText(entry: AuditEntry): string {
  if (entry.actor.email) return visibleText(entry.actor.email);
  // Observation rows have no actor: Keydesk noticed the change, nobody acted through it.
  return entry.action === "key_observed_change" || entry.action === "inventory_baseline"
    ? "Seen by Keydesk"
    : "—";
}

/** A key's connection, or the connection a connection action was about (kept in its details). */
function connectionOf(entry: AuditEntry): string | null {
  if (entry.target.connectionId) return entry.target.connectionId;
  const id = entry.details?.connectionId;
  return typeof id === "string" ? id : null;
}

function Cells({
  entry,
  connectionNames,
  canSeeUsers,
}: {
  entry: AuditEntry;
  connectionNames: ConnectionNames;
  canSeeUsers: boolean;
}) {
  const action = describeAction(entry);
  const changes = describeChanges(entry.changes, connectionNames);
  return (
    <>
      <td className="px-3 py-2 text-xs text-slate-700">
        <LocalTime iso={entry.at} />
      </td>
      <td className="px-3 py-2 [overflow-wrap:anywhere]">
        <div>{actorText(entry)}</div>
        <div className="text-xs text-slate-500">
          {[entry.actor.role, entry.ip].filter(Boolean).join(" · ")}
        </div>
      </td>
      <th scope="row" className="px-3 py-2 text-sm font-medium [overflow-wrap:anywhere]">
        {action.title}
        <div className="font-mono text-xs font-normal text-slate-500">{entry.action}</div>
      </th>
      <td className="px-3 py-2 [overflow-wrap:anywhere] text-slate-700">
        {visibleText(connectionLabel(connectionOf(entry), connectionNames) ?? "—")}
      </td>
      <td className="px-3 py-2 [overflow-wrap:anywhere] text-slate-700">
        <AuditTarget parts={describeTarget(entry, { canSeeUsers })} rowId={entry.id} />
      </td>
      <td className="px-3 py-2 text-xs [overflow-wrap:anywhere] text-slate-700">
        {changes.length > 0 ? (
          <ul className="space-y-0.5">
            {changes.map((line, i) => (
              <li key={i} title={line.full !== line.text ? line.full : undefined}>
                <span className="font-medium text-slate-900">{line.label}:</span> {line.text}
              </li>
            ))}
          </ul>
        ) : null}
        {entry.reason ? <div className="mt-1">Reason: {visibleText(entry.reason)}</div> : null}
      </td>
      <td className="px-3 py-2 text-xs [overflow-wrap:anywhere]">
        <span className={`inline-block rounded-md px-2 py-0.5 font-medium ring-1 ${TONE_STYLE[action.tone]}`}>
          {action.outcome}
        </span>
        {action.detail ? <div className="mt-1 text-slate-700">{action.detail}</div> : null}
        {entry.upstreamRequestId ? (
          <div className="mt-1 font-mono text-[11px] text-slate-500">
            upstream {visibleText(entry.upstreamRequestId)}
          </div>
        ) : null}
      </td>
    </>
  );
}

/** `connectionNames`: the connections' names now; a row whose connection was removed shows its id. */
export function AuditTable({
  entries,
  connectionNames = {},
  canSeeUsers = false,
}: {
  entries: AuditEntry[];
  connectionNames?: ConnectionNames;
  /** Whether the reader may open the Users page (a user target links there). */
  canSeeUsers?: boolean;
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
      aria-label="Audit events"
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-indigo-600"
    >
      <table className={`w-full min-w-[60rem] table-fixed text-left text-sm ${CARDS_ON_PHONES}`}>
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            {HEADERS.map((h) => (
              <th key={h.name} scope="col" className={`px-3 py-2 font-medium ${h.width}`}>
                {h.name}
              </th>
            ))}
            <th scope="col" className="w-20 px-2 py-2 font-medium">
              <span className="sr-only">Raw record</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <AuditRow
              key={entry.id}
              id={entry.id}
              columns={HEADERS.length + 1}
              raw={JSON.stringify(entry, null, 2)}
              cells={<Cells entry={entry} connectionNames={connectionNames} canSeeUsers={canSeeUsers} />}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
