"use client";
// The overview's numbers, from the same inventory read as the "All keys" page (so going there
// next is instant): how many accounts and keys, how many carry each risk flag (each a link to
// those keys), and the keys closest to their monthly limits.
import Link from "next/link";
import { useMemo } from "react";
import { formatNumber } from "@/lib/format";
import { flagHref } from "./flag-href.logic";
import { RISK_FLAG_INFO } from "@/lib/inventory/risk";
import { RISK_FLAGS } from "@/lib/inventory/types";
import { closestToLimit, countFlags, inventoryRows } from "@/lib/inventory/rows";
import { useInventory, useRefreshInventory } from "@/lib/inventory/queries";
import { AsOf } from "@/components/ui/as-of";
import { Button } from "@/components/ui/button";
import { QueryErrorPanel } from "@/components/ui/query-error-panel";
import { ReadingKeys } from "@/components/ui/reading-keys";
import { UsageMeter } from "@/components/ui/usage-meter";
import { RotationReminder } from "@/components/keys/rotation-reminder";

export function OverviewPanels() {
  const inventory = useInventory();
  const refresh = useRefreshInventory();
  const rows = useMemo(() => (inventory.data ? inventoryRows(inventory.data.keys) : []), [inventory.data]);
  const counts = useMemo(() => countFlags(rows), [rows]);
  const closest = useMemo(() => closestToLimit(rows, 5), [rows]);

  if (inventory.isPending) return <ReadingKeys height="h-40" />;
  if (inventory.isError)
    return (
      <QueryErrorPanel
        title="Keydesk could not read the keys."
        error={inventory.error}
        onRetry={() => void inventory.refetch()}
        retrying={inventory.isFetching}
      />
    );
  const enabled = rows.filter((r) => r.enabled).length;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p className="text-sm text-slate-700" aria-live="polite">
          {inventory.isFetching ? "Refreshing…" : ""}
        </p>
        <AsOf generatedAt={inventory.data.generatedAt} />
        <Button type="button" onClick={refresh} disabled={inventory.isFetching} variant="secondary">
          Refresh
        </Button>
      </div>
      <RotationReminder keys={rows} />
      <section aria-labelledby="overview-totals" className="grid gap-4 sm:grid-cols-3">
        <h2 id="overview-totals" className="sr-only">
          Totals
        </h2>
        <Stat
          label="Service accounts"
          value={inventory.data.serviceAccounts.length}
          href="/service-accounts"
        />
        <Stat label="Keys" value={rows.length} href="/inventory" />
        <Stat label="Enabled keys" value={enabled} href="/inventory?status=enabled" />
      </section>
      <section aria-labelledby="overview-risks" className="space-y-2">
        <h2 id="overview-risks" className="text-lg font-semibold">
          Risk flags
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {RISK_FLAGS.map((flag) => (
            <li key={flag}>
              <Link
                href={flagHref(flag)}
                title={RISK_FLAG_INFO[flag].explanation}
                className="flex items-baseline justify-between rounded-lg border border-slate-200 bg-white px-4 py-3 hover:border-indigo-400"
              >
                <span className="text-sm font-medium text-slate-800">{RISK_FLAG_INFO[flag].label}</span>
                <span
                  className={`text-xl font-semibold ${counts[flag] > 0 ? "text-slate-900" : "text-slate-400"}`}
                >
                  {formatNumber(counts[flag])}
                  <span className="sr-only"> {counts[flag] === 1 ? "key" : "keys"}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="overview-limits" className="space-y-2">
        <h2 id="overview-limits" className="text-lg font-semibold">
          Closest to their monthly limits
        </h2>
        {closest.length === 0 ? (
          <p className="text-sm text-slate-600">No key has a monthly limit.</p>
        ) : (
          <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {closest.map((row) => (
              <li key={row.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-2">
                <div className="min-w-0">
                  <Link
                    href={`/service-accounts/${encodeURIComponent(row.serviceAccountId)}`}
                    className="font-medium text-indigo-800 hover:underline"
                  >
                    {row.name}
                  </Link>
                  <p className="truncate text-xs text-slate-600">{row.serviceAccountName}</p>
                </div>
                <div className="w-56">
                  <UsageMeter apiKey={row} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Link
      href={href}
      className="rounded-lg border border-slate-200 bg-white px-4 py-3 hover:border-indigo-400"
    >
      <span className="block text-sm text-slate-600">{label}</span>
      <span className="text-2xl font-semibold text-slate-900">{formatNumber(value)}</span>
    </Link>
  );
}
