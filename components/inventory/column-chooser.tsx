"use client";
// Which of the All keys table's columns show: a disclosure (details/summary, keyboard-ready with no
// script of its own) listing one checkbox per column. The name always shows.
import { Columns3 } from "lucide-react";
import { TABLE_COLUMNS, DEFAULT_COLUMNS, type ColumnId } from "@/lib/inventory/table-columns";

export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: readonly ColumnId[];
  onChange: (columns: readonly ColumnId[]) => void;
}) {
  const shown = new Set(columns);
  const toggle = (id: ColumnId) =>
    onChange(TABLE_COLUMNS.map((c) => c.id).filter((c) => (c === id ? !shown.has(c) : shown.has(c))));
  return (
    <details className="relative">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <Columns3 aria-hidden className="size-4" />
        Columns
      </summary>
      <fieldset className="absolute right-0 z-30 mt-1 w-64 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg">
        <legend className="sr-only">Columns to show</legend>
        <p className="mb-2 text-xs text-slate-600">The name always shows. Remembered in this browser.</p>
        <ul className="space-y-1.5">
          {TABLE_COLUMNS.map((column) => (
            <li key={column.id}>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={shown.has(column.id)}
                  onChange={() => toggle(column.id)}
                  className="size-4"
                />
                {column.label}
              </label>
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() => onChange(DEFAULT_COLUMNS)}
          className="mt-3 text-xs font-medium text-indigo-700 underline"
        >
          Back to the default columns
        </button>
      </fieldset>
    </details>
  );
}
