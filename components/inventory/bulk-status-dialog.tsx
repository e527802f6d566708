"use client";

import { Button } from "@/components/ui/button";
import { useCallback, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { Role } from "@/lib/roles";
import { confirmLabel, partitionByTarget, pastTense, type BulkTarget } from "@/lib/inventory/bulk";
import type { InventoryRow } from "@/lib/inventory/types";
import { BulkConfirmStep } from "./bulk-confirm-step";
import { BulkProgressStep } from "./bulk-progress-step";
import { useBulkStatusRun } from "./bulk-run";

const DESCRIPTIONS: Record<BulkTarget, string> = {
  disable:
    "These keys stop working at once: every request with them is refused until someone enables them again.",
  enable: "Requests with these keys work again at once.",
};

/**
 * Enables or disables the selected keys: confirm with a reason, watch the progress (Stop leaves the
 * keys not yet started alone), then read what failed and retry it. Each key is its own audited
 * PATCH. `onFinished` gets the summary after every run, also one that ends after "Stop and close"
 * has already called `onClose` (the keys in flight finish in the background).
 */
export function BulkStatusDialog({
  keys,
  target,
  role,
  onClose,
  onFinished,
}: {
  keys: InventoryRow[];
  target: BulkTarget;
  role: Role;
  onClose(): void;
  onFinished(summary: string): void;
}) {
  // A snapshot from when the dialog opened: the lists refetch when a run ends, and the keys just
  // disabled must not then turn into "already disabled" (nor change the title) while it is read.
  const [{ toChange, already, cannot }] = useState(() => partitionByTarget(keys, target));
  const [reason, setReason] = useState("");
  const [closeRequested, setCloseRequested] = useState(false);
  const reasonRequired = target === "disable" || role !== "admin";

  const finish = useCallback(
    (summary: string) =>
      onFinished(
        already.length > 0
          ? `${summary} ${already.length} already ${pastTense(target)}, left alone.`
          : summary,
      ),
    [already.length, onFinished, target],
  );
  const { state, start, stop } = useBulkStatusRun(target, finish);
  const running = state.phase === "running";

  // Escape or Cancel while keys are changing asks first: closing must not look like stopping.
  const requestClose = () => (running ? setCloseRequested(true) : onClose());

  const title =
    role === "reviewer"
      ? "Your role cannot change keys"
      : toChange.length === 0
        ? `No keys to ${target}`
        : `${confirmLabel(target, toChange.length)}?`;

  return (
    <Dialog
      open
      wide
      onClose={requestClose}
      title={title}
      description={role === "reviewer" || toChange.length === 0 ? undefined : DESCRIPTIONS[target]}
    >
      {cannot.length > 0 && role !== "reviewer" ? (
        <p
          role="note"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          {cannot.length} selected {cannot.length === 1 ? "key" : "keys"} cannot be disabled (
          {[...new Set(cannot.map((k) => k.connection?.capabilities.label ?? "its provider"))].join(", ")} has
          no disable) and will be left alone: rotate or delete {cannot.length === 1 ? "it" : "them"} instead.
        </p>
      ) : null}
      {role === "reviewer" || toChange.length === 0 ? (
        <>
          <p className="text-sm text-slate-700">
            {role === "reviewer"
              ? "Security reviewers can look at keys but not enable or disable them."
              : already.length === 0
                ? "None of the selected keys can be switched; nothing to change."
                : `${already.length} selected ${already.length === 1 ? "key is" : "keys are"} already ${pastTense(target)}; nothing to change.`}
          </p>
          <div className="flex justify-end">
            <Button type="button" onClick={onClose} variant="secondary">
              Close
            </Button>
          </div>
        </>
      ) : state.phase === "idle" ? (
        <BulkConfirmStep
          target={target}
          toChange={toChange}
          already={already}
          reasonRequired={reasonRequired}
          onCancel={onClose}
          onConfirm={(typed) => {
            setReason(typed);
            void start(toChange, typed);
          }}
        />
      ) : (
        <BulkProgressStep
          target={target}
          state={state}
          closeRequested={closeRequested}
          onStop={stop}
          onRetry={() => {
            setCloseRequested(false);
            void start(
              state.failed.filter((f) => f.retryable).map((f) => f.key),
              reason,
            );
          }}
          onClose={onClose}
          onKeepGoing={() => setCloseRequested(false)}
          onStopAndClose={() => {
            stop();
            onClose();
          }}
        />
      )}
    </Dialog>
  );
}
