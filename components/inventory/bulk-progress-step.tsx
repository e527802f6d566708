"use client";

import { Button } from "@/components/ui/button";
import { useEffect, useRef, useState } from "react";
import { finishedCount, type BulkChangeDetail, type BulkKeyView } from "@/lib/bulk/types";
import { bulkKeyId, changeSummary, isActiveChange, progressToAnnounce } from "@/lib/inventory/bulk";

/**
 * The progress of a bulk change the server is making, then its outcome in the same place, so the one
 * live region says the count as it goes and then the result. Closing never stops it (it goes on on
 * the server; All keys' "Bulk changes" reopens it); Stop leaves the keys not yet begun alone.
 * `labels`: how the list named the keys, where this dialog started the change.
 */
export function BulkProgressStep({
  change,
  error,
  labels,
  earlierDone,
  stopping,
  closeRequested,
  onStop,
  onRetry,
  onClose,
  onKeepGoing,
}: {
  change: BulkChangeDetail | undefined;
  error: string | null;
  labels: ReadonlyMap<string, string>;
  /** Keys done by the earlier changes this dialog retried: the summary counts them too. */
  earlierDone: number;
  stopping: boolean;
  /** Escape was pressed while keys are changing: say that closing does not stop them, and ask. */
  closeRequested: boolean;
  onStop: (() => void) | null;
  onRetry: ((keys: BulkKeyView[]) => void) | null;
  onClose: () => void;
  onKeepGoing: () => void;
}) {
  const running = change === undefined || isActiveChange(change);
  const stopRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const keepGoingRef = useRef<HTMLButtonElement>(null);
  const canStop = onStop !== null;
  const finished = change ? finishedCount(change.counts) : 0;
  const total = change?.total ?? 0;
  // The count said aloud trails the real one, by tenths (a screen reader told every key hears nothing else).
  const [announced, setAnnounced] = useState(0);
  const toSay = progressToAnnounce(announced, finished, total);
  if (toSay !== announced) setAnnounced(toSay); // derived while rendering, not in an effect
  const failed = change?.keys.filter((k) => k.state === "failed") ?? [];
  const skipped = change?.keys.filter((k) => k.state === "skipped") ?? [];
  const notStarted = change?.keys.filter((k) => k.state === "cancelled") ?? [];
  const label = (k: BulkKeyView) => labels.get(bulkKeyId(k)) ?? `${k.name ?? k.keyId} (${k.keyId})`;

  // Focus follows the step: Stop while running, Keep going when asked, Close when finished.
  useEffect(() => {
    if (closeRequested && running) keepGoingRef.current?.focus();
    else (running && canStop ? stopRef : closeRef).current?.focus();
  }, [running, canStop, closeRequested]);

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="bulk-status-progress" className="block text-sm font-medium">
          Progress
        </label>
        <progress
          id="bulk-status-progress"
          value={finished}
          max={Math.max(total, 1)}
          className="mt-1 h-2 w-full accent-indigo-600"
        />
      </div>
      <p role="status" aria-live="polite" aria-atomic="true" className="text-sm font-medium">
        {change === undefined
          ? "Starting…"
          : running
            ? `${Math.min(announced, finished)} of ${total} done`
            : changeSummary({
                ...change,
                counts: { ...change.counts, done: change.counts.done + earlierDone },
              })}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {running ? (
        <p className="text-sm text-slate-700">
          {stopping || change?.state === "cancelled"
            ? "Stopping: the key being changed now finishes; the rest are left alone."
            : "Keydesk changes the keys on its server: you can close this and follow it from “Bulk changes” on All keys."}
        </p>
      ) : null}

      {!running && failed.length > 0 ? (
        <div>
          <h3 id="bulk-status-failed" className="text-sm font-semibold">
            Keys that failed
          </h3>
          <ul
            aria-labelledby="bulk-status-failed"
            className="mt-1 max-h-60 list-disc space-y-1 overflow-y-auto pl-5 text-sm text-red-900"
          >
            {failed.map((k) => (
              <li key={k.position}>{`${label(k)}: ${k.message ?? "failed"}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!running && skipped.length > 0 ? (
        <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
          <summary className="cursor-pointer">{`${skipped.length} left alone: already as asked.`}</summary>
          <ul aria-label="Keys left alone" className="mt-2 max-h-40 list-disc space-y-1 overflow-y-auto pl-5">
            {skipped.map((k) => (
              <li key={k.position}>{`${label(k)}: ${k.message ?? ""}`}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {!running && notStarted.length > 0 ? (
        <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
          <summary className="cursor-pointer">{`${notStarted.length} not started because the change was stopped: left as ${notStarted.length === 1 ? "it was" : "they were"}.`}</summary>
          <ul
            aria-label="Keys not started"
            className="mt-2 max-h-40 list-disc space-y-1 overflow-y-auto pl-5"
          >
            {notStarted.map((k) => (
              <li key={k.position}>{label(k)}</li>
            ))}
          </ul>
        </details>
      ) : null}

      {closeRequested && running ? (
        <div
          role="alert"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          <p>
            Keys are still being changed on Keydesk&apos;s server. Closing this does not stop them: follow
            them from “Bulk changes” on All keys.
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button ref={keepGoingRef} type="button" onClick={onKeepGoing} variant="secondary">
              Keep going
            </Button>
            {onStop ? (
              <Button
                type="button"
                onClick={() => {
                  onStop();
                  onClose();
                }}
                variant="danger"
              >
                Stop and close
              </Button>
            ) : null}
            <Button type="button" onClick={onClose} variant="secondary">
              Close anyway
            </Button>
          </div>
        </div>
      ) : null}

      <div className="flex flex-wrap justify-end gap-2">
        {running && onStop ? (
          // aria-disabled rather than disabled while stopping: a disabled button would drop focus.
          <Button
            ref={stopRef}
            type="button"
            aria-disabled={stopping || undefined}
            onClick={() => !stopping && onStop()}
            variant="secondary"
          >
            {stopping ? "Stopping…" : "Stop"}
          </Button>
        ) : null}
        {!running && onRetry && failed.length > 0 ? (
          <Button type="button" onClick={() => onRetry(failed)} variant="primary">
            {`Retry the ${failed.length} failed`}
          </Button>
        ) : null}
        <Button ref={closeRef} type="button" onClick={onClose} variant="secondary">
          Close
        </Button>
      </div>
    </div>
  );
}
