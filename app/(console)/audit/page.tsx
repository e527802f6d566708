import type { Metadata } from "next";
import Link from "next/link";
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

const FILTER_NAMES = ["actor", "action", "target", "connection", "from", "to"] as const;

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  await requireUser();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  ) as Record<string, string | undefined>;
  const values: AuditFilterValues = Object.fromEntries(FILTER_NAMES.map((name) => [name, raw[name]]));
  const parsed = auditPageSchema.safeParse(raw);
  const errors = parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
  const [page, names] = await Promise.all([
    parsed.success ? queryAudit((await getDatabase()).db, parsed.data) : null,
    connectionDeps().then(connectionNames),
  ]);
  const connections = Object.entries(names).map(([id, name]) => ({ id, name }));

  const filterQuery = new URLSearchParams(
    Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])),
  );
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
        <AuditTable entries={page.entries} connectionNames={names} />
      ) : (
        <p role="alert" className="text-sm text-red-800">
          Fix the filters above to see the log.
        </p>
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
