"use client";
// Every key in one table that stays smooth at 10,000 rows: only the rows in view (plus a margin)
// are in the DOM, with spacer rows above and below so the scroll bar and the columns stay true.
// Rows have one fixed height (text is clipped, with the whole value on hover) so the virtualizer's
// arithmetic is exact. aria-rowcount/aria-rowindex tell screen readers where they are.
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRef } from "react";
import { allowlistSummary, permissionSummary } from "@/lib/keys/summary";
import { formatDate, visibleText } from "@/lib/format";
import type { InventoryRow } from "@/lib/inventory/types";
import { StatusBadge } from "@/components/ui/status-badge";
import { UsageMeter } from "@/components/ui/usage-meter";
import { RiskBadges } from "./risk-badges";
import { SortHeader, type SortProps } from "./sort-header";

const ROW_HEIGHT = 56;

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
  const columns = selection ? 11 : 10;

  return (
    <div
      ref={scroller}
      tabIndex={0}
      role="region"
      aria-label="Keys (scrolls)"
      className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-indigo-600"
    >
      <table className="w-full min-w-[1320px] table-fixed text-left text-sm" aria-rowcount={rows.length + 1}>
        <caption className="sr-only">
          Every key of every service account: {rows.length} of {total} shown
        </caption>
        <colgroup>
          {selection ? <col className="w-10" /> : null}
          <col className="w-44" />
          <col className="w-44" />
          <col className="w-20" />
          <col className="w-24" />
          <col className="w-32" />
          <col className="w-48" />
          <col className="w-40" />
          <col className="w-28" />
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
            <SortHeader column="serviceAccount" label="Service account" {...sort} />
            <SortHeader column="name" label="Name" {...sort} />
            <SortHeader column="hint" label="Hint" {...sort} />
            <SortHeader column="status" label="Status" {...sort} />
            <SortHeader column="permissions" label="Permissions" {...sort} />
            <SortHeader column="usage" label="Usage" {...sort} />
            <SortHeader column="allowlist" label="Allowlist" {...sort} />
            <SortHeader column="createdAt" label="Created" {...sort} />
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
            return (
              <tr
                key={row.id}
                data-key-id={row.id}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
                className={selection?.selected.has(row.id) ? "bg-indigo-50" : undefined}
              >
                {selection ? (
                  <td className="px-3">
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.name} (${row.serviceAccountName})`}
                      checked={selection.selected.has(row.id)}
                      onChange={() => selection.toggle(row.id)}
                      className="size-4"
                    />
                  </td>
                ) : null}
                <td className="truncate px-3" title={row.serviceAccountName}>
                  {row.serviceAccountName}
                </td>
                <th
                  scope="row"
                  className="truncate px-3 font-medium text-slate-900"
                  title={visibleText(row.name)}
                >
                  {visibleText(row.name)}
                </th>
                <td className="px-3 font-mono text-slate-700">…{row.hint}</td>
                <td className="px-3">
                  <StatusBadge enabled={row.enabled} />
                </td>
                <td className="truncate px-3 text-slate-700">{permissionSummary(row.permissions)}</td>
                <td className="px-3">
                  <UsageMeter apiKey={row} />
                </td>
                <td
                  className="truncate px-3 font-mono text-xs text-slate-700"
                  title={row.allowedIps?.join("\n") ?? "Any IP"}
                >
                  {allowlistSummary(row.allowedIps)}
                </td>
                <td className="px-3 whitespace-nowrap text-slate-700">{formatDate(row.createdAt)}</td>
                <td className="px-3">
                  <RiskBadges flags={row.flags} max={3} />
                </td>
                <td className="px-3">
                  <Link
                    href={`/service-accounts/${encodeURIComponent(row.serviceAccountId)}`}
                    className="text-indigo-700 underline hover:text-indigo-900"
                  >
                    Open<span className="sr-only"> the service account of {row.name}</span>
                  </Link>
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
