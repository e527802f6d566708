"use client";

import type { Candidate, QueryKind } from "@/lib/find-key/types";
import type { DisabledKeyFacts } from "@/lib/find-key/incident-summary";
import type { Role } from "@/lib/roles";
import { CandidateRow } from "./candidate-row";

const COLUMNS = ["Key", "Service account", "Ends in", "Status", "Permissions", "How it matched", "Key id"];

/** The keys that matched, strongest first, with a Disable now column for the roles that may use it. */
export function ResultsTable({
  candidates,
  kind,
  caption,
  canDisable,
  canRotate,
  connectionId,
  role,
  disabled,
  onDisable,
}: {
  candidates: Candidate[];
  kind: QueryKind;
  caption: string;
  canDisable: boolean;
  canRotate: boolean;
  /** The primary connection's id, as the search named it. */
  connectionId: string;
  role: Role;
  /** The keys this page disabled, by key id. */
  disabled: ReadonlyMap<string, DisabledKeyFacts>;
  onDisable: (candidate: Candidate) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[60rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            {COLUMNS.map((label) => (
              <th key={label} scope="col" className="px-4 py-2 font-medium">
                {label}
              </th>
            ))}
            {canDisable ? (
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {candidates.map((c) => (
            <CandidateRow
              key={c.key.id}
              candidate={c}
              kind={kind}
              canDisable={canDisable}
              canRotate={canRotate}
              connectionId={connectionId}
              role={role}
              disabled={disabled.get(c.key.id) ?? null}
              onDisable={onDisable}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
