import { Link } from "@/components/ui/link";
import { KeysTable } from "@/components/keys/keys-table";
import { formatDate } from "@/lib/format";
import type { ServiceAccountView } from "@/lib/keys/view";
import { accountWarnings } from "./account-warnings.logic";

/** One service account on the list: its name (a link to manage its keys), counts, warnings and keys. */
export function ServiceAccountCard({ account }: { account: ServiceAccountView }) {
  const headingId = `sa-${account.id}`;
  const enabled = account.keys.filter((k) => k.enabled).length;
  const warnings = accountWarnings(account.keys);
  return (
    <section
      aria-labelledby={headingId}
      className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id={headingId} className="text-base font-semibold">
          <Link
            href={`/service-accounts/${encodeURIComponent(account.id)}`}
            className="text-indigo-800 hover:underline"
          >
            {account.name}
          </Link>
        </h2>
        <p className="text-xs text-slate-600">
          {account.keys.length} {account.keys.length === 1 ? "key" : "keys"} ({enabled} enabled) · created{" "}
          {formatDate(account.createdAt)}
        </p>
      </div>
      {warnings.length > 0 ? (
        <ul
          aria-label={`Warnings for ${account.name}`}
          className="flex flex-wrap gap-2 border-b border-slate-100 px-4 py-2"
        >
          {warnings.map((w) => (
            <li
              key={w}
              className={`rounded-full px-2 py-0.5 text-xs ring-1 ${w.includes("limit reached") || w.includes("blocked") ? "bg-red-50 text-red-800 ring-red-200" : "bg-amber-50 text-amber-900 ring-amber-200"}`}
            >
              {w}
            </li>
          ))}
        </ul>
      ) : null}
      <KeysTable keys={account.keys} caption={`API keys of ${account.name}`} />
    </section>
  );
}
