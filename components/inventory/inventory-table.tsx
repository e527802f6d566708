"use client";
// Every key in one table that stays smooth at 10,000 rows: only the rows in view (plus a margin)
// are in the DOM, with spacer rows above and below so the scroll bar and the columns stay true.
// Rows have one fixed height (text is cut, with the whole value on hover and on focus) so the
// virtualizer's arithmetic is exact. aria-rowcount/aria-rowindex tell screen readers where they are.
// The columns beside the name are the person's choice (the defaults fit a 1440-pixel screen); the
// name stays in view when the table scrolls sideways, links to the key, and a click anywhere else
// on the row opens the key too. Below 640 px the same keys are cards (inventory-cards.tsx).
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { NAME_COLUMN_REM, SELECT_COLUMN_REM, TABLE_COLUMNS, tableRem } from "@/lib/inventory/table-columns";
import { ColumnChooser } from "./column-chooser";
import { COLUMN_SORT, NameCell, cellContent, rowHref, rowLabel } from "./inventory-cells";
import { InventoryCards } from "./inventory-cards";
import { shouldOpenRow } from "./open-row";
import { SortHeader } from "./sort-header";
import type { InventoryTableProps } from "./table-props";
import { useNarrowScreen } from "./use-narrow-screen";
import { useStoredColumns } from "./use-stored-columns";

const ROW_HEIGHT = 56;

export type { InventoryTableProps, Selection } from "./table-props";

export function InventoryTable(props: InventoryTableProps) {
  return useNarrowScreen() ? <InventoryCards {...props} /> : <WideTable {...props} />;
}

function WideTable({ rows, total, sort, selection }: InventoryTableProps) {
  const router = useRouter();
  const [columnIds, setColumnIds] = useStoredColumns();
  const chosen = new Set(columnIds);
  const columns = TABLE_COLUMNS.filter((c) => chosen.has(c.id));
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
  const span = columns.length + 1 + (selection ? 1 : 0);
  // The name stays in view when the table scrolls sideways (after the selection box, if any).
  const nameLeft = selection ? "left-10" : "left-0";

  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <ColumnChooser columns={columnIds} onChange={setColumnIds} />
      </div>
      <div
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label="Keys (scrolls)"
        data-testid="inventory-scroller"
        className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-indigo-600"
      >
        <table
          className="w-full table-fixed text-left text-sm"
          style={{ minWidth: `${tableRem(columnIds, selection !== null)}rem` }}
          aria-rowcount={rows.length + 1}
        >
          <caption className="sr-only">
            Every key of every connection: {rows.length} of {total} shown
          </caption>
          <colgroup>
            {selection ? <col style={{ width: `${SELECT_COLUMN_REM}rem` }} /> : null}
            <col style={{ width: `${NAME_COLUMN_REM}rem` }} />
            {columns.map((column) => (
              <col key={column.id} style={{ width: `${column.rem}rem` }} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-20 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase shadow-[0_1px_0_theme(colors.slate.200)]">
            <tr aria-rowindex={1}>
              {selection ? (
                <th scope="col" className="sticky left-0 z-10 bg-slate-50 px-3 py-2">
                  <span className="sr-only">Selected</span>
                </th>
              ) : null}
              <SortHeader
                column="name"
                label="Name"
                className={`sticky ${nameLeft} z-10 bg-slate-50`}
                {...sort}
              />
              {columns.map((column) => {
                const sortKey = COLUMN_SORT[column.id];
                return sortKey ? (
                  <SortHeader key={column.id} column={sortKey} label={column.label} {...sort} />
                ) : (
                  <th key={column.id} scope="col" className="px-3 py-2 font-semibold">
                    {column.label}
                  </th>
                );
              })}
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
              const href = rowHref(row);
              const picked = selection?.selected.has(row.rowKey) ?? false;
              // Sticky cells need a background of their own, or the cells scrolling under them show through.
              const stickyBg = picked ? "bg-indigo-50" : "bg-white group-hover:bg-slate-50";
              return (
                <tr
                  key={row.rowKey}
                  data-key-id={row.id}
                  data-connection-id={row.connection?.id}
                  aria-rowindex={item.index + 2}
                  style={{ height: ROW_HEIGHT }}
                  onClick={href ? (event) => shouldOpenRow(event) && router.push(href) : undefined}
                  className={`group ${href ? "cursor-pointer" : ""} ${picked ? "bg-indigo-50" : "hover:bg-slate-50"}`}
                >
                  {selection ? (
                    <td className={`sticky left-0 z-[1] px-3 ${stickyBg}`}>
                      <input
                        type="checkbox"
                        aria-label={`Select ${rowLabel(row)}`}
                        checked={picked}
                        onChange={() => selection.toggle(row.rowKey)}
                        className="size-4"
                      />
                    </td>
                  ) : null}
                  <th
                    scope="row"
                    className={`sticky ${nameLeft} z-[1] px-3 font-medium text-slate-900 shadow-[1px_0_0_theme(colors.slate.200)] ${stickyBg}`}
                  >
                    <NameCell
                      stacked
                      row={row}
                      linkClassName="text-indigo-800 underline-offset-2 hover:underline"
                    />
                  </th>
                  {columns.map((column) => (
                    <td key={column.id} className="overflow-hidden px-3">
                      {cellContent(column.id, row)}
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
    </div>
  );
}
