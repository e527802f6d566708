import { connection } from "next/server";
import { ServiceAccountsList } from "@/components/service-accounts/service-accounts-list";
import { PageHeader } from "@/components/ui/page-header";
import { UpstreamErrorPanel } from "@/components/ui/upstream-error-panel";
import { requireUser } from "@/lib/auth/require-user";
import { toPublicAccount } from "@/lib/keys/view";
import { loadServiceAccounts } from "@/lib/keys/load";

// The first render comes from the server (one upstream call for the whole inventory), so the page
// works before any script runs and an upstream failure is explained at once; react-query then owns
// the list and keeps it current after every change.
export default async function ServiceAccountsPage() {
  await connection(); // always live data, never prerendered at build time
  const user = await requireUser();
  const result = await loadServiceAccounts();
  return (
    <div className="space-y-6">
      <PageHeader title="Service accounts" />
      {result.ok ? (
        <ServiceAccountsList initialData={result.serviceAccounts.map(toPublicAccount)} role={user.role} />
      ) : (
        <UpstreamErrorPanel error={result.error} />
      )}
    </div>
  );
}
