import type { Metadata } from "next";
import { JobsTable } from "@/components/jobs/jobs-table";
import { ScheduleList } from "@/components/jobs/schedule-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { getDatabase } from "@/lib/db";
import { jobsOverview } from "@/lib/jobs/overview";

export const metadata: Metadata = { title: "Jobs" };

/** What Keydesk does on its own: each job's schedule, what is queued, and what ran and how. Admins only. */
export default async function JobsPage() {
  const user = await requireUser();
  if (user.role !== "admin")
    return (
      <div className="space-y-2">
        <PageHeader title="Jobs" />
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          Only workspace admins can see Keydesk&apos;s jobs.
        </p>
      </div>
    );
  const overview = await jobsOverview((await getDatabase()).db);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Jobs"
        description="What Keydesk does on its own, with nobody looking: the watch job reads every connection, records outside changes and each key's usage; alert-deliveries sends the alerts that are due (retries). Each run's audit rows are signed by the job."
      />
      <section aria-labelledby="jobs-schedules" className="space-y-2">
        <h2 id="jobs-schedules" className="text-base font-semibold">
          Schedules
        </h2>
        {overview.engineRunning ? null : (
          <p className="text-sm text-slate-600">
            The job engine does not run in this server process (it starts with the production server); runs by
            other instances still show below.
          </p>
        )}
        <ScheduleList schedules={overview.schedules} canRunNow={overview.engineRunning} />
      </section>
      <section aria-labelledby="jobs-runs" className="space-y-2">
        <h2 id="jobs-runs" className="text-base font-semibold">
          Latest runs
        </h2>
        <JobsTable runs={overview.runs} />
      </section>
    </div>
  );
}
