// Each job's schedule: how often it runs on its own and when the next period begins.
import { LocalTime } from "@/components/audit/local-time";
import type { JobScheduleView } from "@/lib/jobs/runs";
import { RunNowButton } from "./run-now-button";

function every(seconds: number): string {
  if (seconds % 3600 === 0) return `every ${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`;
  if (seconds % 60 === 0) return `every ${seconds / 60} minute${seconds === 60 ? "" : "s"}`;
  return `every ${seconds} seconds`;
}

export function ScheduleList({ schedules, canRunNow }: { schedules: JobScheduleView[]; canRunNow: boolean }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
      {schedules.map((s) => (
        <li key={s.name} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm">
          <div>
            <span className="font-medium">{s.name}</span>{" "}
            <span className="text-slate-600">
              {s.needsData ? (
                "runs on the work it is given (bulk changes from All keys)"
              ) : s.everySeconds === null ? (
                "runs only when asked (its schedule is off)"
              ) : (
                <>
                  {every(s.everySeconds)}; next period begins <LocalTime iso={s.nextPeriodAt!} />
                </>
              )}
            </span>
          </div>
          {canRunNow && !s.needsData ? <RunNowButton job={s.name} /> : null}
        </li>
      ))}
    </ul>
  );
}
