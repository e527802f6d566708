import type { ServiceAccount } from "@/lib/domain/service-accounts";
import { formatDate } from "@/lib/format";
import { KeyTable } from "./key-table";

export function ServiceAccountCard({ account }: { account: ServiceAccount }) {
  const headingId = `sa-${account.id}`;
  const enabled = account.keys.filter((k) => k.enabled).length;
  return (
    <section aria-labelledby={headingId} className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id={headingId} className="text-base font-semibold">{account.name}</h2>
        <p className="text-xs text-slate-600">
          {account.keys.length} {account.keys.length === 1 ? "key" : "keys"} ({enabled} enabled) · created {formatDate(account.createdAt)}
        </p>
      </div>
      <KeyTable keys={account.keys} caption={`API keys of ${account.name}`} />
    </section>
  );
}
