import { connection } from "next/server";
import { ServiceAccountCard } from "@/components/service-accounts/service-account-card";
import { UpstreamErrorPanel } from "@/components/upstream-error-panel";
import { requireUser } from "@/lib/auth/require-user";
import { loadServiceAccounts } from "@/lib/service-accounts/load";

export default async function ServiceAccountsPage() {
  await connection(); // always live data, never prerendered at build time
  await requireUser();
  const result = await loadServiceAccounts();
  const keyCount = result.ok ? result.serviceAccounts.reduce((n, sa) => n + sa.keys.length, 0) : 0;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Service accounts</h1>
        <p className="mt-1 text-sm text-slate-600">
          {result.ok
            ? `${result.serviceAccounts.length} service accounts, ${keyCount} API keys. Read-only for now; managing keys comes next.`
            : "Every service account of the workspace and its API keys."}
        </p>
      </div>
      {!result.ok ? (
        <UpstreamErrorPanel error={result.error} />
      ) : result.serviceAccounts.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          This workspace has no service accounts yet.
        </p>
      ) : (
        result.serviceAccounts.map((account) => <ServiceAccountCard key={account.id} account={account} />)
      )}
    </div>
  );
}
