// What the All keys table and its phone cards are given: the same rows, sort and selection.
import type { InventoryRow } from "@/lib/inventory/types";
import type { SortProps } from "./sort-header";

export interface Selection {
  selected: ReadonlySet<string>;
  toggle(keyId: string): void;
}

export interface InventoryTableProps {
  rows: InventoryRow[];
  total: number;
  sort: SortProps;
  selection: Selection | null;
}
