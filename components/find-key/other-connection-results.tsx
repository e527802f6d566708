"use client";

import { StatusBadge } from "@/components/ui/status-badge";
import { describeOtherMatch } from "@/lib/find-key/describe-match";
import type { ConnectionSearch, OtherCandidate, QueryKind } from "@/lib/find-key/types";
import type { DisabledKeyFacts } from "@/lib/find-key/incident-summary";
import type { Role } from "@/lib/roles";
import { CertaintyBadge } from "./certainty-badge";
import { ConnectionError } from "./connection-error";
import { ConnectionHeading } from "./connection-heading";
import { DisabledConfirmation } from "./disabled-confirmation";
import { AfterDisable } from "./after-disable";
import { KeyNameLink } from "./key-name-link";
import { WhyFailing } from "./why-failing";
import { LeakResponseCell } from "./leak-response-cell";

const COLUMNS = ["Key", "Owner or group", "Ends in", "Status", "How it matched", "Key id", "Leak response"];

/** A key's status where the provider may have no on/off switch at all. */
function Status({ enabled }: { enabled: boolean | null }) {
  if (enabled === null) return <span className="text-xs text-slate-600">No on/off switch</span>;
  return <StatusBadge enabled={enabled} />;
}

/**
 * One connection other than the primary one: its candidates (with how each matched and the leak
 * response its provider allows), that nothing matched there, or why it could not be searched.
 */
export function OtherConnectionResults({
  search,
  kind,
  searched,
  canDisable,
  canRotate,
  role,
  disabled,
  onDisable,
}: {
  search: ConnectionSearch;
  kind: QueryKind;
  searched: string;
  canDisable: boolean;
  /** An admin: rotation is offered on the key's page (another connection's keys rotate there). */
  canRotate: boolean;
  /** Who is looking: the key doctor's fixes are offered by role. */
  role: Role;
  /** Keys disabled from this page, by key id. */
  disabled: ReadonlyMap<string, DisabledKeyFacts>;
  onDisable: (candidate: OtherCandidate) => void;
}) {
  const { connection } = search;
  const headingId = `found-in-${connection.id}`;
  return (
    <section aria-labelledby={headingId} data-connection-id={connection.id} className="space-y-2">
      <ConnectionHeading id={headingId} connection={connection} />
      {!search.ok ? (
        <ConnectionError name={connection.name} error={search.error} />
      ) : search.total === 0 ? (
        <p className="text-sm text-slate-600">
          No key of {connection.name} matches {searched}.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[60rem] text-left text-sm">
            <caption className="sr-only">
              Keys of {connection.name} ({connection.providerLabel}) matching {searched}
            </caption>
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                {COLUMNS.map((label) => (
                  <th key={label} scope="col" className="px-4 py-2 font-medium">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {search.candidates.map((c) => {
                const done = disabled.get(c.key.id) ?? null;
                const at = done?.at ?? null;
                return (
                  <tr key={c.key.id} data-key-id={c.key.id} className="align-top">
                    <th scope="row" className="px-4 py-3 font-medium break-words text-slate-900">
                      <KeyNameLink
                        name={c.key.name}
                        keyRef={{
                          connectionId: connection.id,
                          group: c.key.group?.id ?? null,
                          keyId: c.key.id,
                        }}
                      />
                    </th>
                    <td className="px-4 py-3 text-slate-700">
                      {c.key.owner ?? c.key.group?.name ?? c.key.group?.id ?? "—"}
                    </td>
                    <td className="px-4 py-3 font-mono whitespace-nowrap text-slate-700">
                      {c.key.hint ? `…${c.key.hint}` : "—"}
                    </td>
                    <td className="px-4 py-3">
                      <Status enabled={c.key.enabled} />
                      {at ? <DisabledConfirmation at={at} /> : null}
                    </td>
                    <td className="px-4 py-3">
                      <CertaintyBadge certainty={c.certainty} />
                      <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
                        {c.matchedBy.map((by) => (
                          <li key={by}>{describeOtherMatch(by, kind, c.key.hint, c.certainty)}</li>
                        ))}
                      </ul>
                    </td>
                    <td className="px-4 py-3 font-mono text-xs whitespace-nowrap text-slate-600">
                      {c.key.id}
                      <WhyFailing
                        name={c.key.name}
                        target={{
                          connectionId: connection.id,
                          group: c.key.group?.id ?? null,
                          keyId: c.key.id,
                        }}
                        kind={search.doctorKind}
                        role={role}
                      />
                    </td>
                    <td className="px-4 py-3">
                      {done ? (
                        <AfterDisable
                          facts={done}
                          rotatable={null}
                          rotateElsewhere={canRotate && search.leak.responses.includes("rotate")}
                        />
                      ) : (
                        <LeakResponseCell
                          search={search}
                          apiKey={c.key}
                          canDisable={canDisable}
                          onDisable={() => onDisable(c)}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {search.ok && search.omitted > 0 ? (
        <p className="text-sm text-slate-600">
          {search.omitted} more of {connection.name} not shown: narrow the search to see them.
        </p>
      ) : null}
    </section>
  );
}
