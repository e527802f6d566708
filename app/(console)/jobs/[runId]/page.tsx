import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { JobsTable } from "@/components/jobs/jobs-table";
import { PageHeader } from "@/components/ui/page-header";
import { connectionDeps } from "@/lib/api/deps";
import { requireUser } from "@/lib/auth/require-user";
import { connectionNames } from "@/lib/connections";
import { ApiError } from "@/lib/http/api-error";
import { jobRun } from "@/lib/jobs/overview";
import { jobRunParamsSchema } from "@/lib/jobs/schema";

export const metadata: Metadata = { title: "Job run" };

/** One job run: how it went, and every audit row it wrote (signed by the job). Admins only. */
export default async function JobRunPage({ params }: PageProps<"/jobs/[runId]">) {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  const parsed = jobRunParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const deps = await connectionDeps();
  const [found, names] = await Promise.all([
    jobRun(deps.db, parsed.data.runId).catch((error: unknown) => {
      if (ApiError.is(error) && error.code === "not_found") return null;
      throw error;
    }),
    connectionNames(deps),
  ]);
  if (!found) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title={`Job run: ${found.run.name}`} description="The run, and the audit rows it wrote." />
      <p className="text-sm">
        <Link href="/jobs" className="font-medium text-indigo-800 underline">
          All jobs
        </Link>
      </p>
      <JobsTable runs={[found.run]} />
      <section aria-labelledby="run-audit" className="space-y-2">
        <h2 id="run-audit" className="text-base font-semibold">
          Audit rows this run wrote
        </h2>
        {found.audit.length === 0 ? (
          <p className="text-sm text-slate-600">
            This run wrote no audit rows (nothing changed outside Keydesk).
          </p>
        ) : (
          <AuditTable entries={found.audit} connectionNames={names} />
        )}
      </section>
    </div>
  );
}
