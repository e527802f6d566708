"use client";
// One audit row that opens to show its raw record (pretty JSON) for experts: the server renders the
// cells in words; this adds the button (aria-expanded) and the hidden row under it.
import { useState, type ReactNode } from "react";

export function AuditRow({
  id,
  cells,
  raw,
  columns,
}: {
  id: number;
  /** The row's cells, rendered on the server. */
  cells: ReactNode;
  /** The row as stored and read back, already pretty-printed. */
  raw: string;
  /** How many columns the table has, for the raw row to span. */
  columns: number;
}) {
  const [open, setOpen] = useState(false);
  const rawId = `audit-raw-${id}`;
  return (
    <>
      <tr data-audit-id={id} className="align-top">
        {cells}
        <td className="px-2 py-2 text-right">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={open ? rawId : undefined}
            onClick={() => setOpen((was) => !was)}
            className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <span aria-hidden="true">{open ? "▾ " : "▸ "}</span>
            Raw<span className="sr-only"> record of event {id}</span>
          </button>
        </td>
      </tr>
      {/* Rendered only when open, so a row count or a row's text is the log's, not the raw copies'. */}
      {open ? (
        <tr id={rawId} data-audit-raw={id}>
          <td colSpan={columns} className="bg-slate-50 px-3 py-2">
            <pre
              tabIndex={0}
              role="region"
              aria-label={`Raw record of event ${id}`}
              className="max-h-96 overflow-auto rounded border border-slate-200 bg-white p-3 font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap text-slate-800"
            >
              {raw}
            </pre>
          </td>
        </tr>
      ) : null}
    </>
  );
}
