"use client";
// All keys on a phone (below 640 px): one card per key, so nothing scrolls sideways. Each card has
// the key's name as a link to its page, its status, then its connection, group or owner, hint,
// permissions and risk flags, each labelled with its column's name (a <dl>), and the same selection
// box the table row has; a tap elsewhere on the card opens the key.
// Virtual like the table (cards of one fixed height), so 10,000 keys stay smooth on a phone.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { accessOf } from "@/lib/inventory/risk";
import { accessSummary } from "@/lib/inventory/summaries";
import { TABLE_COLUMNS, type ColumnId } from "@/lib/inventory/table-columns";
import type { InventoryTableProps } from "./table-props";
import { NameCell, StatusCell, groupOrOwner, rowHref, rowLabel } from "./inventory-cells";
import { shouldOpenRow } from "./open-row";
import { RiskBadges } from "./risk-badges";

// Room for the top line and five labelled lines (the hint's only when there is one).
const CARD_HEIGHT = 152;
const GAP = 8;
/** The table's column names (lib/inventory/table-columns.ts), so a card labels its values the same way. */
const LABEL = Object.fromEntries(TABLE_COLUMNS.map((c) => [c.id, c.label])) as Record<ColumnId, string>;
const TERM = "text-slate-600";

export function InventoryCards({ rows, total, selection }: InventoryTableProps) {
  const router = useRouter();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- read during render only; nothing memoizes its functions
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_HEIGHT + GAP,
    overscan: 6,
  });

  return (
    <div
      ref={scroller}
      tabIndex={0}
      role="region"
      aria-label="Keys (scrolls)"
      className="max-h-[75vh] overflow-y-auto rounded-lg focus:outline-2 focus:outline-indigo-600"
    >
      <p className="sr-only">
        Every key of every connection: {rows.length} of {total} shown
      </p>
      <ul className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const href = rowHref(row);
          const picked = selection?.selected.has(row.rowKey) ?? false;
          return (
            <li
              key={row.rowKey}
              data-key-id={row.id}
              data-connection-id={row.connection?.id}
              aria-posinset={item.index + 1}
              aria-setsize={rows.length}
              onClick={href ? (event) => shouldOpenRow(event) && router.push(href) : undefined}
              className={`absolute inset-x-0 flex flex-col gap-1.5 overflow-hidden rounded-lg border p-3 text-sm ${picked ? "border-indigo-300 bg-indigo-50" : "border-slate-200 bg-white"} ${href ? "cursor-pointer" : ""}`}
              style={{ top: item.start, height: CARD_HEIGHT }}
            >
              <div className="flex items-center gap-2">
                {selection ? (
                  <input
                    type="checkbox"
                    aria-label={`Select ${rowLabel(row)}`}
                    checked={picked}
                    onChange={() => selection.toggle(row.rowKey)}
                    className="size-5 shrink-0"
                  />
                ) : null}
                <p className="min-w-0 flex-1 font-medium">
                  <NameCell row={row} linkClassName="text-indigo-800 underline underline-offset-2" />
                </p>
                <StatusCell row={row} />
              </div>
              {/* Each value under its column's name, as the table's headings say it. */}
              <dl className="grid grid-cols-[max-content_minmax(0,1fr)] items-center gap-x-2 gap-y-0.5 text-xs">
                <dt className={TERM}>{LABEL.connection}</dt>
                <dd className="truncate text-slate-800">{row.connection?.name ?? "—"}</dd>
                <dt className={TERM}>{LABEL.owner}</dt>
                <dd className="truncate text-slate-800">{groupOrOwner(row)}</dd>
                {row.hint ? (
                  <>
                    <dt className={TERM}>{LABEL.hint}</dt>
                    <dd className="truncate font-mono text-slate-800">…{row.hint}</dd>
                  </>
                ) : null}
                <dt className={TERM}>{LABEL.permissions}</dt>
                <dd className="truncate text-slate-800">{accessSummary(accessOf(row))}</dd>
                <dt className={TERM}>{LABEL.risk}</dt>
                <dd className="min-w-0">
                  <RiskBadges flags={row.flags} max={3} />
                </dd>
              </dl>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
