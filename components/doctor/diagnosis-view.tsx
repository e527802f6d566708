"use client";

import { Link } from "@/components/ui/link";
import { CopyButton } from "@/components/key-page/copy-button";
import type { Cause, Check, Diagnosis } from "@/lib/doctor/types";
import type { Role } from "@/lib/roles";
import { FixButton } from "./fix-button";

const RESULT_WORDS: Record<Check["result"], string> = {
  ok: "OK",
  problem: "Problem",
  unknown: "Unknown",
  not_checked: "Not checked",
};
const RESULT_LOOK: Record<Check["result"], string> = {
  ok: "text-emerald-800",
  problem: "font-semibold text-red-800",
  unknown: "text-slate-600",
  not_checked: "text-slate-600",
};

function CauseItem({
  cause,
  first,
  keyName,
  onFixed,
}: {
  cause: Cause;
  first: boolean;
  keyName: string;
  onFixed: () => void;
}) {
  const fix = cause.fix;
  return (
    <li
      className={`space-y-2 rounded-md border p-3 ${first ? "border-amber-300 bg-amber-50" : "border-slate-200"}`}
    >
      <p className="text-sm font-semibold text-slate-900">
        {first ? (
          <span className="mr-2 text-xs font-medium tracking-wide text-amber-900 uppercase">Most likely</span>
        ) : null}
        {cause.title}
      </p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        {cause.evidence.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      {fix ? (
        <div className="space-y-1 text-sm">
          <p className="text-slate-800">
            <span className="font-medium">Fix: </span>
            {fix.advice}
          </p>
          {fix.write && fix.allowed ? (
            <FixButton fix={fix} keyName={keyName} onFixed={onFixed} />
          ) : fix.href && fix.allowed ? (
            <Link href={fix.href} className="font-medium text-indigo-700 hover:underline">
              {fix.label}
            </Link>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The answer: causes (most likely first) with evidence and fixes, every check, and the ticket text. */
export function DiagnosisView({
  diagnosis,
  keyName,
  role,
  onFixed,
}: {
  diagnosis: Diagnosis;
  keyName: string | null;
  role: Role;
  onFixed: () => void;
}) {
  const name = diagnosis.key.name ?? keyName ?? diagnosis.key.id;
  const someFixHidden = diagnosis.causes.some((c) => c.fix?.write && !c.fix.allowed);
  return (
    <div className="space-y-4" aria-label="Diagnosis" role="region">
      {diagnosis.understood ? (
        <p className="text-sm text-slate-700">
          <span className="font-medium">The error says: </span>
          {diagnosis.understood}.
        </p>
      ) : null}
      {diagnosis.causes.length > 0 ? (
        <ol className="space-y-3" aria-label="Likely causes">
          {diagnosis.causes.map((cause, i) => (
            <CauseItem
              key={`${cause.kind}-${i}`}
              cause={cause}
              first={i === 0}
              keyName={name}
              onFixed={onFixed}
            />
          ))}
        </ol>
      ) : (
        <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          No cause found: the key is present, enabled and within its limits. Give the caller&apos;s address
          and what they tried to check those too.
        </p>
      )}
      {someFixHidden ? (
        <p className="text-sm text-slate-600">
          {role === "reviewer"
            ? "Reviewers change nothing: copy the diagnosis into the ticket for someone who may fix it."
            : "Only an admin may make the other fixes: copy the diagnosis into the ticket for one."}
        </p>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-slate-800">What was checked</summary>
        <table className="mt-2 w-full text-left text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Result</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {diagnosis.checks.map((c) => (
              <tr key={c.what} className="border-t border-slate-100 max-sm:flex max-sm:flex-col max-sm:py-1">
                <th scope="row" className="py-1 pr-3 font-medium text-slate-800">
                  {c.what}
                </th>
                <td className={`py-1 pr-3 ${RESULT_LOOK[c.result]}`}>{RESULT_WORDS[c.result]}</td>
                <td className="py-1 text-slate-700">{c.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton value={diagnosis.ticketText} label="the diagnosis for the ticket" />
        <span className="text-xs text-slate-600">
          Copy for the ticket: the diagnosis only, never what was pasted.
        </span>
      </div>
    </div>
  );
}
