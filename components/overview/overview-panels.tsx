"use client";
// The overview's numbers, from the same inventory read as the "All keys" page (so going there
// next is instant): how many accounts and keys, how many carry each risk flag (each a link to
// those keys), and the keys closest to their monthly limits. For a user whose access leaves the
// primary connection out (`primary` false), the same numbers over the other connections they may
// use (read as "All keys" reads them), and no service accounts (those are the primary's).
import { Link } from "@/components/ui/link";
import { useMemo } from "react";
import { formatNumber } from "@/lib/format";
import { keyHref } from "@/lib/key-href";
import { flagHref, statusHref } from "./flag-href.logic";
import { RISK_FLAG_INFO } from "@/lib/inventory/risk";
import { RISK_FLAGS } from "@/lib/inventory/types";
import { allConnectionRows, closestToLimit, countFlags, inventoryRows } from "@/lib/inventory/rows";
import {
  isPrimaryLeftOut,
  useInventory,
  useOtherConnections,
  useRefreshInventory,
} from "@/lib/inventory/queries";
import type { InventoryRow } from "@/lib/inventory/types";
import { AsOf } from "@/components/ui/as-of";
import { Button } from "@/components/ui/button";
import { QueryErrorPanel } from "@/components/ui/query-error-panel";
import { ReadingKeys } from "@/components/ui/reading-keys";
import { Tooltip } from "@/components/ui/tooltip";
import { UsageMeter } from "@/components/ui/usage-meter";
import { RotationReminder } from "@/components/keys/rotation-reminder";
import type { PolicyRule } from "@/lib/policies/rules";
import { PolicyTiles } from "./policy-tiles";
import { Stat } from "./stat";

/** A key's row in "closest to their limits": the key's own page, on whichever connection it is. */
const rowHref = (row: InventoryRow) =>
  keyHref({ connectionId: row.connection?.id ?? null, group: row.serviceAccountId || null, keyId: row.id });

export function OverviewPanels({
  primary: primaryAllowed = true,
  policyRules = [],
}: {
  primary?: boolean;
  /** The key policies that are on (read by the page on the server). */
  policyRules?: PolicyRule[];
}) {
  const primary = useInventory(primaryAllowed);
  const leftOut = !primaryAllowed || isPrimaryLeftOut(primary.error);
  // Read here only when the primary is left out: otherwise the connection cards above cover them.
  const others = useOtherConnections(leftOut);
  const inventory = leftOut ? others : primary;
  const refresh = useRefreshInventory(!leftOut);
  const rows = useMemo(
    () =>
      leftOut
        ? allConnectionRows({ keys: [], connection: null }, others.data?.connections ?? [])
        : primary.data
          ? inventoryRows(primary.data.keys)
          : [],
    [leftOut, others.data, primary.data],
  );
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
  // What the counts cover: the primary workspace alone, unless the user may not use it.
  const counted = !leftOut && primary.data ? primary.data.connection.id : null;
  const generatedAt =
    primary.data && !leftOut ? primary.data.generatedAt : new Date(others.dataUpdatedAt).toISOString();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p className="text-sm text-slate-700" aria-live="polite">
          {inventory.isFetching ? "Refreshing…" : ""}
        </p>
        <AsOf generatedAt={generatedAt} />
        <Button type="button" onClick={refresh} disabled={inventory.isFetching} variant="secondary">
          Refresh
        </Button>
      </div>
      <RotationReminder keys={rows} />
      <section aria-labelledby="overview-totals" className="grid gap-4 sm:grid-cols-3">
        <h2 id="overview-totals" className="sr-only">
          Totals
        </h2>
        {primary.data && !leftOut ? (
          <Stat
            id="stat-accounts"
            label="Service accounts"
            summary="The ElevenLabs workspace's groups of keys"
            value={primary.data.serviceAccounts.length}
            href="/service-accounts"
          />
        ) : null}
        <Stat
          id="stat-keys"
          label="Keys"
          summary={
            leftOut ? "Every key on the connections you may use" : "Every key in the ElevenLabs workspace"
          }
          value={rows.length}
          href={statusHref(null, counted)}
        />
        <Stat
          id="stat-enabled"
          label="Enabled keys"
          summary="Keys that work right now (not switched off)"
          value={enabled}
          href={statusHref("enabled", counted)}
        />
      </section>
      <section aria-labelledby="overview-risks" className="space-y-2">
        <h2 id="overview-risks" className="text-lg font-semibold">
          Risk flags
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {RISK_FLAGS.map((flag) => (
            <li
              key={flag}
              className="relative rounded-lg border border-slate-200 bg-white px-4 py-3 hover:border-indigo-400"
            >
              {/* The whole tile is the link (its ::after covers it); the one line under it describes it,
                  and the longer explanation opens on hover and on keyboard focus alike (no title). */}
              <Tooltip content={RISK_FLAG_INFO[flag].explanation}>
                <Link
                  href={flagHref(flag, counted)}
                  aria-describedby={`risk-summary-${flag}`}
                  className="flex items-baseline justify-between after:absolute after:inset-0 after:rounded-lg"
                >
                  <span className="text-sm font-medium text-slate-800">{RISK_FLAG_INFO[flag].label}</span>
                  <span
                    className={`text-xl font-semibold ${counts[flag] > 0 ? "text-slate-900" : "text-slate-400"}`}
                  >
                    {formatNumber(counts[flag])}
                    <span className="sr-only"> {counts[flag] === 1 ? "key" : "keys"}</span>
                  </span>
                </Link>
              </Tooltip>
              <p id={`risk-summary-${flag}`} className="mt-0.5 text-xs text-slate-600">
                {RISK_FLAG_INFO[flag].summary}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <PolicyTiles rows={rows} rules={policyRules} counted={counted} />
      <section aria-labelledby="overview-limits" className="space-y-2">
        <h2 id="overview-limits" className="text-lg font-semibold">
          Closest to their monthly limits
        </h2>
        {closest.length === 0 ? (
          <p className="text-sm text-slate-600">No key has a monthly limit.</p>
        ) : (
          <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {closest.map((row) => (
              <li key={row.rowKey} className="flex flex-wrap items-center justify-between gap-3 px-4 py-2">
                <div className="min-w-0">
                  <Link href={rowHref(row)} className="font-medium text-indigo-800 hover:underline">
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
