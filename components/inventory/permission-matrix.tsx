"use client";
// Who can do what, at a glance: keys as rows, product areas as columns, each cell none / read /
// write / all. Each cell says its level in words as well as colour. Virtualised like the table.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef } from "react";
import { matrixRow, type AreaAccess } from "@/lib/inventory/matrix";
import type { InventoryRow } from "@/lib/inventory/types";
import { PRODUCT_AREAS } from "@/lib/permissions";

const ROW_HEIGHT = 40;

const CELL: Record<AreaAccess, { label: string; className: string }> = {
  none: { label: "—", className: "text-slate-400" },
  read: { label: "Read", className: "bg-sky-50 text-sky-900" },
  write: { label: "Write", className: "bg-amber-100 font-medium text-amber-950" },
  all: { label: "All", className: "bg-red-100 font-semibold text-red-900" },
};

export function PermissionMatrix({ rows }: { rows: InventoryRow[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- read during render only; nothing memoizes its functions
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  // One matrix row per key, computed once per list rather than on every scroll.
  const cells = useMemo(() => new Map(rows.map((r) => [r.id, matrixRow(r.permissions)])), [rows]);

  return (
    <div
      ref={scroller}
      tabIndex={0}
      role="region"
      aria-label="Permission matrix (scrolls)"
      className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-indigo-600"
    >
      <table className="w-full min-w-[1100px] table-fixed text-left text-sm" aria-rowcount={rows.length + 1}>
        <caption className="sr-only">
          Access of each key by product area: none, read, write, or all (unrestricted)
        </caption>
        <colgroup>
          <col className="w-48" />
          <col className="w-48" />
          {PRODUCT_AREAS.map((area) => (
            <col key={area.id} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-slate-50 text-xs text-slate-700 shadow-[0_1px_0_theme(colors.slate.200)]">
          <tr aria-rowindex={1}>
            <th scope="col" className="px-3 py-2">
              Key
            </th>
            <th scope="col" className="px-3 py-2">
              Service account
            </th>
            {PRODUCT_AREAS.map((area) => (
              <th key={area.id} scope="col" className="px-2 py-2 text-center">
                {area.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {top > 0 ? (
            <tr aria-hidden="true" style={{ height: top }}>
              <td colSpan={PRODUCT_AREAS.length + 2} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index]!;
            const access = cells.get(row.id)!;
            return (
              <tr
                key={row.id}
                data-key-id={row.id}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
              >
                <th scope="row" className="truncate px-3 font-medium text-slate-900" title={row.name}>
                  {row.name}
                </th>
                <td className="truncate px-3 text-slate-700" title={row.serviceAccountName}>
                  {row.serviceAccountName}
                </td>
                {PRODUCT_AREAS.map((area) => {
                  const level = access[area.id] ?? "none";
                  return (
                    <td key={area.id} className={`px-2 text-center text-xs ${CELL[level].className}`}>
                      <span aria-hidden={level === "none" ? true : undefined}>{CELL[level].label}</span>
                      {level === "none" ? <span className="sr-only">None</span> : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" style={{ height: bottom }}>
              <td colSpan={PRODUCT_AREAS.length + 2} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
