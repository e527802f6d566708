"use client";
// A column heading that sorts the inventory by that column: aria-sort says the current order, and
// a second press reverses it.
import { defaultDir, type SortDir, type SortKey } from "@/lib/inventory/url-filters";

export interface SortProps {
  sort: SortKey;
  dir: SortDir;
  onSort(sort: SortKey, dir: SortDir): void;
}

export function SortHeader({
  column,
  label,
  sort,
  dir,
  onSort,
  className = "",
}: SortProps & { column: SortKey; label: string; className?: string }) {
  const active = sort === column;
  const next: SortDir = active ? (dir === "asc" ? "desc" : "asc") : defaultDir(column);
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
      className={`px-3 py-2 font-semibold ${className}`}
    >
      <button
        type="button"
        onClick={() => onSort(column, next)}
        className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
      >
        {label}
        <span aria-hidden="true" className={active ? "text-slate-900" : "text-slate-300"}>
          {active && dir === "asc" ? "▲" : "▼"}
        </span>
        <span className="sr-only">
          {active ? `, sorted ${dir === "asc" ? "ascending" : "descending"}` : ""}; sort{" "}
          {next === "asc" ? "ascending" : "descending"}
        </span>
      </button>
    </th>
  );
}
