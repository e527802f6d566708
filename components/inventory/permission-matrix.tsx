"use client";
// Who can do what, at a glance: one matrix per permission model (ElevenLabs' permissions by product
// area, DocSpace's scopes by resource, Voiceable's key type), keys as rows, each cell none / read /
// write / all, in words as well as colour. Which matrix a key is in comes from its provider's
// capabilities. Each matrix is virtualised like the table.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef } from "react";
import { matrixGroups, type AreaAccess, type MatrixCell, type MatrixGroup } from "@/lib/inventory/matrix";
import { accessOf } from "@/lib/inventory/risk";
import type { InventoryRow } from "@/lib/inventory/types";

const ROW_HEIGHT = 40;

const CELL: Record<AreaAccess, { label: string; className: string }> = {
  none: { label: "—", className: "text-slate-400" },
  read: { label: "Read", className: "bg-sky-50 text-sky-900" },
  write: { label: "Write", className: "bg-amber-100 font-medium text-amber-950" },
  all: { label: "All", className: "bg-red-100 font-semibold text-red-900" },
};

export function PermissionMatrix({ rows }: { rows: InventoryRow[] }) {
  const groups = useMemo(() => matrixGroups(rows), [rows]);
  return (
    <div className="space-y-4">
      {groups.map((group) => (
        <MatrixTable key={group.model.kind} group={group} />
      ))}
    </div>
  );
}

function MatrixTable({ group }: { group: MatrixGroup }) {
  const { model, rows } = group;
  const title = `${group.providers.join(", ")} ${model.title}`;
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
  const cells = useMemo(
    () =>
      new Map<string, MatrixCell[]>(
        rows.map((r) => {
          const access = accessOf(r);
          return [r.rowKey, model.columns.map((column) => model.cell(access, column))];
        }),
      ),
    [rows, model],
  );
  const span = model.columns.length + 3;

  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold text-slate-900">Permission matrix: {title}</h2>
      <div
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={`Permission matrix: ${title} (scrolls)`}
        className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-indigo-600"
      >
        <table
          className={`w-full table-fixed text-left text-sm ${model.columns.length > 4 ? "min-w-[1100px]" : ""}`}
          aria-rowcount={rows.length + 1}
        >
          <caption className="sr-only">
            Access of each key ({title}): none, read, write, or all (unrestricted)
          </caption>
          <colgroup>
            <col className="w-48" />
            <col className="w-40" />
            <col className="w-48" />
            {model.columns.map((column) => (
              <col key={column.id} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-10 bg-slate-50 text-xs text-slate-700 shadow-[0_1px_0_theme(colors.slate.200)]">
            <tr aria-rowindex={1}>
              <th scope="col" className="px-3 py-2">
                Key
              </th>
              <th scope="col" className="px-3 py-2">
                Connection
              </th>
              <th scope="col" className="px-3 py-2">
                Service account / owner
              </th>
              {model.columns.map((column) => (
                <th key={column.id} scope="col" className="px-2 py-2 text-center">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {top > 0 ? (
              <tr aria-hidden="true" style={{ height: top }}>
                <td colSpan={span} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index]!;
              const owner = row.serviceAccountName || row.details?.owner || "—";
              return (
                <tr
                  key={row.rowKey}
                  data-key-id={row.id}
                  aria-rowindex={item.index + 2}
                  style={{ height: ROW_HEIGHT }}
                >
                  <th scope="row" className="truncate px-3 font-medium text-slate-900" title={row.name}>
                    {row.name}
                  </th>
                  <td className="truncate px-3 text-slate-700" title={row.connection?.name}>
                    {row.connection?.name ?? "—"}
                  </td>
                  <td className="truncate px-3 text-slate-700" title={owner}>
                    {owner}
                  </td>
                  {cells.get(row.rowKey)!.map((cell, i) => (
                    <td
                      key={model.columns[i]!.id}
                      className={`px-2 text-center text-xs ${CELL[cell.level].className}`}
                    >
                      <span aria-hidden={cell.level === "none" ? true : undefined}>
                        {cell.label ?? CELL[cell.level].label}
                      </span>
                      {cell.level === "none" ? <span className="sr-only">None</span> : null}
                    </td>
                  ))}
                </tr>
              );
            })}
            {bottom > 0 ? (
              <tr aria-hidden="true" style={{ height: bottom }}>
                <td colSpan={span} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
