import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AccountKeys } from "@/components/keys/account-keys";
import { PrefilledQueries } from "@/components/layout/prefilled-queries";
import { PageHeader } from "@/components/ui/page-header";
import { NoWorkspaceAccess } from "@/components/ui/no-workspace-access";
import { UpstreamErrorPanel } from "@/components/ui/upstream-error-panel";
import { requireUser } from "@/lib/auth/require-user";
import { canUsePrimaryConnection } from "@/lib/connections/primary";
import { formatDate } from "@/lib/format";
import { serviceAccounts } from "@/lib/keys/query-keys";
import { toPublicAccount } from "@/lib/keys/view";
import { loadServiceAccounts } from "@/lib/keys/load";

export const metadata: Metadata = { title: "Service account" };

export default async function ServiceAccountPage({ params }: PageProps<"/service-accounts/[saId]">) {
  const user = await requireUser();
  const { saId } = await params;
  // A user limited to other connections is told so, and the workspace is not read for them.
  if (!(await canUsePrimaryConnection(user)))
    return (
      <div className="space-y-6">
        <PageHeader title="Service account" />
        <NoWorkspaceAccess />
      </div>
    );
  const result = await loadServiceAccounts();
  const account = result.ok ? result.serviceAccounts.find((sa) => sa.id === saId) : undefined;
  if (result.ok && !account) notFound();
  const view = account ? toPublicAccount(account) : null;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/service-accounts" className="font-medium text-indigo-800 hover:underline">
          Service accounts
        </Link>
      </nav>
      <PageHeader
        title={account?.name ?? "Service account"}
        description={account ? `Created ${formatDate(account.createdAt)}.` : null}
      />
      {view ? (
        <PrefilledQueries queries={[[serviceAccounts.detail(view.id), view.keys]]}>
          <AccountKeys account={view} role={user.role} />
        </PrefilledQueries>
      ) : !result.ok ? (
        <UpstreamErrorPanel error={result.error} />
      ) : null}
    </div>
  );
}
