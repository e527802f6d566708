// The latest job runs, newest first: which job, for whom, when it was queued, started and finished,
// how it ended (with the retries and a failure's message), and a link to the audit rows it wrote.
import { Link } from "@/components/ui/link";
import { LocalTime } from "@/components/audit/local-time";
import type { JobRunView } from "@/lib/jobs/runs";
import { visibleText } from "@/lib/format";
import { RunState } from "./run-state";
import { RunSummary } from "./run-summary";
import { CARDS_ON_PHONES } from "@/components/layout/phone-cards";

const HEADERS = ["Job", "Queued", "Started", "Finished", "Outcome", "Tries", "Result"] as const;

function When({ iso }: { iso: string | null }) {
  return iso ? <LocalTime iso={iso} /> : <span className="text-slate-500">—</span>;
}

export function JobsTable({ runs }: { runs: JobRunView[] }) {
  if (runs.length === 0)
    return <p className="text-sm text-slate-600">No job has run yet, and none is queued.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200">
      <table className={`w-full text-left text-sm ${CARDS_ON_PHONES}`}>
        <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
          <tr>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {runs.map((run) => (
            <tr key={run.id} data-run-id={run.id} data-job={run.name}>
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/jobs/${run.id}`} className="text-indigo-800 underline">
                  {run.name}
                </Link>
                <div className="text-xs font-normal text-slate-500">for {visibleText(run.onBehalfOf)}</div>
              </th>
              <td className="px-3 py-2 text-xs">
                <When iso={run.queuedAt} />
              </td>
              <td className="px-3 py-2 text-xs">
                <When iso={run.startedAt} />
              </td>
              <td className="px-3 py-2 text-xs">
                <When iso={run.finishedAt} />
              </td>
              <td className="px-3 py-2">
                <RunState state={run.state} />
              </td>
              <td className="px-3 py-2 text-xs text-slate-700">
                {run.retryCount + 1} of {run.retryLimit + 1}
              </td>
              <td className="px-3 py-2 text-xs [overflow-wrap:anywhere]">
                <RunSummary summary={run.summary} error={run.error} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
