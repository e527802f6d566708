"use client";
// "Bulk changes" on All keys: the bulk changes under way (and those that ended in the last quarter
// hour), each with its progress, read from the server, so a change started in a tab since closed,
// or by someone else, can be followed and reopened (its dialog: progress, Stop, what failed).
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { indicatorLabel, isActiveChange } from "@/lib/inventory/bulk";
import { finishedCount, type BulkChangeView } from "@/lib/bulk/types";
import { BulkFollow } from "./bulk-follow";
import { useBulkChanges } from "./bulk-run";

const RECENT_MS = 15 * 60_000;
const NO_LABELS: ReadonlyMap<string, string> = new Map();

function shownChanges(changes: BulkChangeView[], now: number): BulkChangeView[] {
  return changes
    .filter((c) => isActiveChange(c) || Date.parse(c.finishedAt ?? c.createdAt) > now - RECENT_MS)
    .slice(0, 5);
}

export function BulkChangesIndicator() {
  const { data, dataUpdatedAt } = useBulkChanges(true);
  const [open, setOpen] = useState<string | null>(null);
  // The window of "recent" moves with each read (its time), not with every render.
  const changes = useMemo(() => (data ? shownChanges(data, dataUpdatedAt) : []), [data, dataUpdatedAt]);
  if (changes.length === 0 && open === null) return null;
  return (
    <section
      aria-label="Bulk changes"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm"
    >
      <h2 className="font-medium text-slate-800">Bulk changes</h2>
      <ul className="flex flex-wrap gap-2">
        {changes.map((c) => (
          <li key={c.id} className="flex items-center gap-2">
            {isActiveChange(c) ? (
              <progress
                aria-hidden="true"
                value={finishedCount(c.counts)}
                max={Math.max(c.total, 1)}
                className="h-2 w-16 accent-indigo-600"
              />
            ) : null}
            <Button type="button" variant="link" size="inline" onClick={() => setOpen(c.id)}>
              {indicatorLabel(c)}
            </Button>
            <span className="text-slate-600">by {c.startedBy.email}</span>
          </li>
        ))}
      </ul>
      {open !== null ? (
        <Dialog open wide onClose={() => setOpen(null)} title="Bulk change">
          <BulkFollow changeId={open} labels={NO_LABELS} reason={null} onClose={() => setOpen(null)} />
        </Dialog>
      ) : null}
    </section>
  );
}
