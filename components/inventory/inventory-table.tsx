"use client";
// Every key in one table that stays smooth at 10,000 rows: only the rows in view (plus a margin)
// are in the DOM, with spacer rows above and below so the scroll bar and the columns stay true.
// Rows have one fixed height (text is clipped, with the whole value on hover) so the virtualizer's
// arithmetic is exact. aria-rowcount/aria-rowindex tell screen readers where they are.
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRef } from "react";
import { formatDate, visibleText } from "@/lib/format";
import { accessOf } from "@/lib/inventory/risk";
import { accessSummary, restrictionsSummary } from "@/lib/inventory/summaries";
import type { InventoryRow } from "@/lib/inventory/types";
import { StatusBadge } from "@/components/ui/status-badge";
import { UsageMeter } from "@/components/ui/usage-meter";
import { RiskBadges } from "./risk-badges";
import { SortHeader, type SortProps } from "./sort-header";

const ROW_HEIGHT = 56;

/** The key's group where its provider has groups, else its owner (DocSpace's creator, Voiceable's email). */
const groupOrOwner = (row: InventoryRow) => row.serviceAccountName || row.details?.owner || "—";

/** Expiry and last use, where the provider has them; "—" where it has neither. */
function lifetimeText(row: InventoryRow): string {
  const caps = row.connection?.capabilities;
  const parts: string[] = [];
  if (caps?.expiry && row.details)
    parts.push(row.details.expiresAt ? `Expires ${formatDate(row.details.expiresAt)}` : "No expiry");
  if (caps?.lastUsed && row.details)
    parts.push(row.details.lastUsedAt ? `Used ${formatDate(row.details.lastUsedAt)}` : "Never used");
  return parts.length > 0 ? parts.join(" · ") : "—";
}

export interface Selection {
  selected: ReadonlySet<string>;
  toggle(keyId: string): void;
}

export function InventoryTable({
  rows,
  total,
  sort,
  selection,
}: {
  rows: InventoryRow[];
  total: number;
  sort: SortProps;
  selection: Selection | null;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- read during render only; nothing memoizes its functions
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columns = selection ? 13 : 12;

  return (
    <div
      ref={scroller}
      tabIndex={0}
      role="region"
      aria-label="Keys (scrolls)"
      className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-indigo-600"
    >
      <table className="w-full min-w-[1640px] table-fixed text-left text-sm" aria-rowcount={rows.length + 1}>
        <caption className="sr-only">
          Every key of every connection: {rows.length} of {total} shown
        </caption>
        <colgroup>
          {selection ? <col className="w-10" /> : null}
          <col className="w-40" />
          <col className="w-44" />
          <col className="w-44" />
          <col className="w-20" />
          <col className="w-24" />
          <col className="w-32" />
          <col className="w-48" />
          <col className="w-40" />
          <col className="w-28" />
          <col className="w-40" />
          <col className="w-72" />
          <col className="w-16" />
        </colgroup>
        <thead className="sticky top-0 z-10 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase shadow-[0_1px_0_theme(colors.slate.200)]">
          <tr aria-rowindex={1}>
            {selection ? (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Selected</span>
              </th>
            ) : null}
            <SortHeader column="connection" label="Connection" {...sort} />
            <SortHeader column="serviceAccount" label="Service account / owner" {...sort} />
            <SortHeader column="name" label="Name" {...sort} />
            <SortHeader column="hint" label="Hint" {...sort} />
            <SortHeader column="status" label="Status" {...sort} />
            <SortHeader column="permissions" label="Permissions" {...sort} />
            <SortHeader column="usage" label="Usage" {...sort} />
            <SortHeader column="allowlist" label="Restrictions" {...sort} />
            <SortHeader column="createdAt" label="Created" {...sort} />
            <th scope="col" className="px-3 py-2">
              Expiry / last used
            </th>
            <SortHeader column="risk" label="Risk flags" {...sort} />
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Open</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {top > 0 ? (
            <tr aria-hidden="true" style={{ height: top }}>
              <td colSpan={columns} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index]!;
            const caps = row.connection?.capabilities ?? null;
            const restrictions = restrictionsSummary(row, caps);
            const owner = groupOrOwner(row);
            return (
              <tr
                key={row.rowKey}
                data-key-id={row.id}
                data-connection-id={row.connection?.id}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
                className={selection?.selected.has(row.rowKey) ? "bg-indigo-50" : undefined}
              >
                {selection ? (
                  <td className="px-3">
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.name} (${owner})`}
                      checked={selection.selected.has(row.rowKey)}
                      onChange={() => selection.toggle(row.rowKey)}
                      className="size-4"
                    />
                  </td>
                ) : null}
                <td className="truncate px-3 text-slate-700" title={row.connection?.name}>
                  {row.connection?.name ?? "—"}
                  {row.connection ? (
                    <span className="block text-xs text-slate-600">{row.connection.capabilities.label}</span>
                  ) : null}
                </td>
                <td className="truncate px-3" title={owner}>
                  {owner}
                </td>
                <th
                  scope="row"
                  className="truncate px-3 font-medium text-slate-900"
                  title={visibleText(row.name)}
                >
                  {visibleText(row.name)}
                </th>
                <td className="px-3 font-mono text-slate-700">{row.hint ? `…${row.hint}` : "—"}</td>
                <td className="px-3">
                  {row.enabled === null ? (
                    <span className="text-xs text-slate-600" title="This provider cannot switch a key off">
                      No disable
                    </span>
                  ) : (
                    <StatusBadge enabled={row.enabled} />
                  )}
                </td>
                <td className="truncate px-3 text-slate-700">{accessSummary(accessOf(row))}</td>
                <td className="px-3">
                  {caps === null || caps.characterLimit ? (
                    <UsageMeter apiKey={row} />
                  ) : (
                    <span className="text-xs text-slate-600">—</span>
                  )}
                </td>
                <td className="truncate px-3 font-mono text-xs text-slate-700" title={restrictions.title}>
                  {restrictions.text}
                </td>
                <td className="px-3 whitespace-nowrap text-slate-700">{formatDate(row.createdAt)}</td>
                <td className="truncate px-3 text-xs text-slate-700">{lifetimeText(row)}</td>
                <td className="px-3">
                  <RiskBadges flags={row.flags} max={3} />
                </td>
                <td className="px-3">
                  {/* Keys without a group have no page of their own here yet. */}
                  {row.serviceAccountId && !row.details ? (
                    <Link
                      href={`/service-accounts/${encodeURIComponent(row.serviceAccountId)}`}
                      className="text-indigo-700 underline hover:text-indigo-900"
                    >
                      Open<span className="sr-only"> the service account of {row.name}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" style={{ height: bottom }}>
              <td colSpan={columns} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
