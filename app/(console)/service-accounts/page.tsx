import { PrefilledQueries } from "@/components/layout/prefilled-queries";
import { ServiceAccountsList } from "@/components/service-accounts/service-accounts-list";
import { PageHeader } from "@/components/ui/page-header";
import { NoWorkspaceAccess } from "@/components/ui/no-workspace-access";
import { UpstreamErrorPanel } from "@/components/ui/upstream-error-panel";
import { requireUser } from "@/lib/auth/require-user";
import { canUsePrimaryConnection } from "@/lib/connections/primary";
import { serviceAccounts } from "@/lib/keys/query-keys";
import { toPublicAccount } from "@/lib/keys/view";
import { loadServiceAccounts } from "@/lib/keys/load";

// The first render comes from the server (one upstream call for the whole inventory), so the page
// works before any script runs and an upstream failure is explained at once; react-query then owns
// the list and keeps it current after every change.
export default async function ServiceAccountsPage() {
  const user = await requireUser();
  // A user limited to other connections is told so, and the workspace is not read for them.
  if (!(await canUsePrimaryConnection(user)))
    return (
      <div className="space-y-6">
        <PageHeader title="Service accounts" />
        <NoWorkspaceAccess />
      </div>
    );
  // Read outside react-query, so that an upstream failure gets the panel below and any other failure
  // the error page (a prefetch keeps its error to itself); the list's hook then finds the answer in
  // its cache, under its own key.
  const result = await loadServiceAccounts();
  return (
    <div className="space-y-6">
      <PageHeader title="Service accounts" />
      {result.ok ? (
        <PrefilledQueries queries={[[serviceAccounts.list(), result.serviceAccounts.map(toPublicAccount)]]}>
          <ServiceAccountsList role={user.role} />
        </PrefilledQueries>
      ) : (
        <UpstreamErrorPanel error={result.error} />
      )}
    </div>
  );
}
