import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AuditFilterForm, type AuditFilterValues } from "@/components/audit/audit-filter-form";
import { AuditTable } from "@/components/audit/audit-table";
import { StepUpDownloadLink } from "@/components/auth/step-up-download-link";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { PageHeader } from "@/components/ui/page-header";
import { connectionDeps } from "@/lib/api/deps";
import { queryAudit } from "@/lib/audit";
import { connectionNames } from "@/lib/connections";
import { requireUser } from "@/lib/auth/require-user";
import { getDatabase } from "@/lib/db";
import { auditPageSchema } from "@/lib/audit/filters";

export const metadata: Metadata = { title: "Audit log" };

const FIELD_LABELS: Record<string, string> = {
  actor: "Actor",
  action: "Action",
  target: "Target",
  connection: "Connection",
  from: "From",
  to: "To",
  range: "Range",
  tz: "Time zone",
  before: "Page",
  limit: "Rows per page",
};

const FILTER_NAMES = ["actor", "action", "target", "connection", "from", "to", "range", "tz"] as const;

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const user = await requireUser();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  ) as Record<string, string | undefined>;
  const values: AuditFilterValues = Object.fromEntries(FILTER_NAMES.map((name) => [name, raw[name]]));
  const parsed = auditPageSchema.safeParse(raw);
  // Each message names its field, so the alert above the (unshown) log says what to fix.
  const errors: Record<string, string> = parsed.success
    ? {}
    : Object.fromEntries(
        parsed.error.issues.map((i) => {
          const field = String(i.path[0] ?? "form");
          const label = FIELD_LABELS[field] ?? field;
          return [field, i.message.startsWith(`${label}:`) ? i.message : `${label}: ${i.message}`];
        }),
      );
  const [page, names] = await Promise.all([
    parsed.success ? queryAudit((await getDatabase()).db, parsed.data) : null,
    connectionDeps().then(connectionNames),
  ]);
  const connections = Object.entries(names).map(([id, name]) => ({ id, name }));

  const filterQuery = new URLSearchParams(
    Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])),
  );
  // The way out of a bad filter: the same view with the refused fields left out.
  const withoutBadFilters = `/audit?${new URLSearchParams([...filterQuery].filter(([name]) => !(name in errors)))}`;
  const exportHref = (format: "csv" | "json") =>
    `/api/audit/export?${new URLSearchParams([...filterQuery, ["format", format]])}`;
  const olderHref = page?.nextCursor
    ? `/audit?${new URLSearchParams([...filterQuery, ["before", String(page.nextCursor)]])}`
    : null;

  return (
    <div className="space-y-4">
      <PageHeader
        title="Audit log"
        description="Everything done through Keydesk, newest first. Rows are hash-chained: an edited or removed row is detected."
        actions={<VerifyChainButton />}
      />
      <AuditFilterForm values={values} errors={errors} connections={connections} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="text-slate-600">Export these rows:</span>
        <StepUpDownloadLink href={exportHref("csv")} className="font-medium text-indigo-700 underline">
          CSV
        </StepUpDownloadLink>
        <StepUpDownloadLink href={exportHref("json")} className="font-medium text-indigo-700 underline">
          JSON
        </StepUpDownloadLink>
      </div>
      {page ? (
        <AuditTable entries={page.entries} connectionNames={names} canSeeUsers={user.role === "admin"} />
      ) : (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-medium">The log is not shown until these filters are fixed:</p>
          <ul className="mt-1 list-disc pl-5">
            {Object.values(errors).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <a href={withoutBadFilters} className="mt-2 inline-block font-medium text-indigo-700 underline">
            Show the log without them
          </a>
        </div>
      )}
      <nav aria-label="Audit pages" className="flex gap-3 text-sm">
        {raw.before ? (
          <Link href={`/audit?${filterQuery}`} className="font-medium text-indigo-700 underline">
            Newest
          </Link>
        ) : null}
        {olderHref ? (
          <Link href={olderHref} className="font-medium text-indigo-700 underline">
            Older
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
