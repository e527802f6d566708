// One card per connection on the overview: its name and provider, how many keys and (where the
// provider can switch keys off) how many are off, or why it could not be read with the upstream's
// request id; each links to the connection's key page. The primary connection's numbers are the
// summary below the cards, so its card says so instead of reading its keys twice.
import { Link } from "@/components/ui/link";
import type { ConnectionSummary } from "@/lib/connections/summary";
import { formatNumber } from "@/lib/format";

const card = "block h-full rounded-lg border bg-white px-4 py-3 hover:border-indigo-400";
const keyPage = (id: string) => `/connections/${encodeURIComponent(id)}`;
const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

function Title({ name, providerLabel }: { name: string; providerLabel: string }) {
  return (
    <>
      <span className="block font-medium text-slate-900">{name}</span>
      <span className="block text-xs text-slate-600">{providerLabel}</span>
    </>
  );
}

export function ConnectionCards({
  primary,
  others,
}: {
  primary: { id: string; name: string; providerLabel: string } | null;
  others: ConnectionSummary[];
}) {
  return (
    <section aria-labelledby="overview-connections" className="space-y-2">
      <h2 id="overview-connections" className="text-lg font-semibold">
        Connections
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {primary ? (
          <li data-connection-id={primary.id}>
            <Link href={keyPage(primary.id)} className={`${card} border-slate-200`}>
              <Title {...primary} />
              <span className="mt-2 block text-sm text-slate-700">
                Its keys and risk flags are summed up below.
              </span>
            </Link>
          </li>
        ) : null}
        {others.map((c) => (
          <li key={c.id} data-connection-id={c.id}>
            <Link href={keyPage(c.id)} className={`${card} ${c.ok ? "border-slate-200" : "border-red-300"}`}>
              <Title name={c.name} providerLabel={c.providerLabel} />
              {c.ok ? (
                <span className="mt-2 block text-sm text-slate-800">
                  {plural(c.keys, "key", "keys")}
                  {c.disabled !== null ? `, ${formatNumber(c.disabled)} disabled` : ""}
                </span>
              ) : (
                <span className="mt-2 block space-y-1 text-sm text-red-900">
                  <span className="block font-medium">Could not be read: {c.error.message}</span>
                  {c.error.upstreamRequestId ? (
                    <span className="block text-xs">
                      Upstream request id: <span className="font-mono">{c.error.upstreamRequestId}</span>
                    </span>
                  ) : null}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** While the connections are read (no live region: the summary below announces its own reading). */
export function ConnectionCardsLoading() {
  return (
    <p className="h-24 animate-pulse rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">
      Reading each connection…
    </p>
  );
}
