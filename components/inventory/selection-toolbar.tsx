"use client";
// Selecting keys in the inventory for a bulk change: one box for every key the filters match, a
// count, and the two actions, which open the bulk dialog with exactly the selected keys.
import { Button } from "@/components/ui/button";
import { useEffect, useRef, useState } from "react";
import type { Role } from "@/lib/roles";
import { formatNumber } from "@/lib/format";
import type { InventoryRow } from "@/lib/inventory/types";
import { lazyDialog, usePreloadDialogs } from "@/components/ui/lazy-dialog";
import { BulkChangesIndicator } from "./bulk-changes-indicator";
// Not in the page's first load (components/ui/lazy-dialog.tsx).
const BulkStatusDialog = lazyDialog(
  () => import("./bulk-status-dialog"),
  (m) => m.BulkStatusDialog,
);

export function SelectionToolbar({
  role,
  shown,
  selected,
  onSelect,
  onFinished,
}: {
  role: Role;
  shown: InventoryRow[];
  selected: InventoryRow[];
  onSelect(ids: ReadonlySet<string>): void;
  onFinished(summary: string): void;
}) {
  usePreloadDialogs(BulkStatusDialog);
  // The keys are fixed when the dialog opens: a refetch behind it must not change what it acts on.
  const [open, setOpen] = useState<{ target: "enable" | "disable"; keys: InventoryRow[] } | null>(null);

  const box = useRef<HTMLInputElement>(null);
  const allSelected = selected.length === shown.length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = selected.length > 0 && !allSelected;
  }, [selected.length, allSelected]);

  const dialog = open ? (
    <BulkStatusDialog
      keys={open.keys}
      target={open.target}
      role={role}
      onClose={() => setOpen(null)}
      onFinished={onFinished}
    />
  ) : null;
  // The dialog keeps one place in the tree whether or not the toolbar shows, so a run that empties
  // the filtered list (every enabled key disabled) does not remount it and lose its result.
  return (
    <>
      {/* The bulk changes under way on the server, whether or not this tab started them. */}
      <BulkChangesIndicator />
      {shown.length > 0 ? (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm">
          <label className="inline-flex items-center gap-2 font-medium text-slate-800">
            <input
              ref={box}
              type="checkbox"
              aria-label="Select all keys matching the filters"
              checked={allSelected}
              onChange={() => onSelect(new Set(allSelected ? [] : shown.map((r) => r.rowKey)))}
              className="size-4"
            />
            <span aria-hidden="true">Select all {formatNumber(shown.length)} matching</span>
          </label>
          {selected.length > 0 ? (
            <>
              <span aria-live="polite" className="text-slate-700">
                {formatNumber(selected.length)} selected
              </span>
              <Button
                type="button"
                onClick={() => setOpen({ target: "disable", keys: selected })}
                variant="secondary"
              >
                Disable selected
              </Button>
              <Button
                type="button"
                onClick={() => setOpen({ target: "enable", keys: selected })}
                variant="secondary"
              >
                Enable selected
              </Button>
              <Button type="button" onClick={() => onSelect(new Set())} variant="link" size="inline">
                Clear selection
              </Button>
            </>
          ) : (
            <span className="text-slate-600">Select keys to enable or disable them together.</span>
          )}
        </div>
      ) : null}
      {dialog}
    </>
  );
}
