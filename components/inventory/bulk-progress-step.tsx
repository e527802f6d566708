"use client";

import { Button } from "@/components/ui/button";
import { useEffect, useRef } from "react";
import { bulkSummary, type BulkTarget } from "@/lib/inventory/bulk";
import { keyLabel, type BulkRunState } from "./bulk-run";

/**
 * Steps 2 and 3: the progress while keys change, then the outcome in the same place, so the one
 * live region says the count as it goes and then the result. Focus follows the step: Stop while
 * running, Close when finished (the buttons it was on disappear).
 */
export function BulkProgressStep({
  target,
  state,
  closeRequested,
  onStop,
  onRetry,
  onClose,
  onKeepGoing,
  onStopAndClose,
}: {
  target: BulkTarget;
  state: BulkRunState;
  closeRequested: boolean;
  onStop: () => void;
  onRetry: () => void;
  onClose: () => void;
  onKeepGoing: () => void;
  onStopAndClose: () => void;
}) {
  const running = state.phase === "running";
  const stopRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const keepGoingRef = useRef<HTMLButtonElement>(null);
  const retryable = state.failed.filter((f) => f.retryable).length;

  useEffect(() => {
    if (closeRequested && running) keepGoingRef.current?.focus();
    else (running ? stopRef : closeRef).current?.focus();
  }, [running, closeRequested]);

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="bulk-status-progress" className="block text-sm font-medium">
          Progress
        </label>
        <progress
          id="bulk-status-progress"
          value={state.finished}
          max={Math.max(state.total, 1)}
          className="mt-1 h-2 w-full accent-indigo-600"
        />
      </div>
      <p role="status" aria-live="polite" aria-atomic="true" className="text-sm font-medium">
        {running
          ? `${state.announced} of ${state.total} done`
          : bulkSummary(target, {
              done: state.done.length,
              failed: state.failed.length,
              notStarted: state.notStarted.length,
            })}
      </p>
      {running && state.stopping ? (
        <p className="text-sm text-slate-700">
          Stopping: the keys already sent are finishing; the rest are left alone.
        </p>
      ) : null}

      {!running && state.failed.length > 0 ? (
        <div>
          <h3 id="bulk-status-failed" className="text-sm font-semibold">
            Keys that failed
          </h3>
          <ul
            aria-labelledby="bulk-status-failed"
            className="mt-1 max-h-60 list-disc space-y-1 overflow-y-auto pl-5 text-sm text-red-900"
          >
            {state.failed.map(({ key, message }) => (
              <li key={`${key.serviceAccountId}/${key.id}`}>{`${keyLabel(key)}: ${message}`}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!running && state.notStarted.length > 0 ? (
        <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
          <summary className="cursor-pointer">{`${state.notStarted.length} not started because you stopped: left as ${state.notStarted.length === 1 ? "it was" : "they were"}.`}</summary>
          <ul
            aria-label="Keys not started"
            className="mt-2 max-h-40 list-disc space-y-1 overflow-y-auto pl-5"
          >
            {state.notStarted.map((key) => (
              <li key={`${key.serviceAccountId}/${key.id}`}>{keyLabel(key)}</li>
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
            Keys are still being changed. Stop and close? Keys already sent finish; the rest are left alone.
          </p>
          <div className="flex justify-end gap-2">
            <Button ref={keepGoingRef} type="button" onClick={onKeepGoing} variant="secondary">
              Keep going
            </Button>
            <Button type="button" onClick={onStopAndClose} variant="danger">
              Stop and close
            </Button>
          </div>
        </div>
      ) : null}

      <div className="flex justify-end gap-2">
        {running ? (
          // aria-disabled rather than disabled while stopping: a disabled button would drop focus.
          <Button
            ref={stopRef}
            type="button"
            aria-disabled={state.stopping || undefined}
            onClick={() => !state.stopping && onStop()}
            variant="secondary"
          >
            {state.stopping ? "Stopping…" : "Stop"}
          </Button>
        ) : (
          <>
            {retryable > 0 ? (
              <Button
                type="button"
                onClick={onRetry}
                variant="primary"
              >{`Retry the ${retryable} failed`}</Button>
            ) : null}
            <Button ref={closeRef} type="button" onClick={onClose} variant="secondary">
              Close
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
