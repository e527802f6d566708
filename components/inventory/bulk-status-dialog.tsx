"use client";

import { Button } from "@/components/ui/button";
import { useCallback, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { Role } from "@/lib/roles";
import {
  confirmLabel,
  partitionByTarget,
  pastTense,
  rowBulkKeyId,
  type BulkTarget,
} from "@/lib/inventory/bulk";
import type { InventoryRow } from "@/lib/inventory/types";
import { BulkConfirmStep } from "./bulk-confirm-step";
import { ApiRequestError } from "@/lib/http/client";
import { BulkFollow } from "./bulk-follow";
import { keyLabel, requestKeysOf, startBulkChange } from "./bulk-run";

const DESCRIPTIONS: Record<BulkTarget, string> = {
  disable:
    "These keys stop working at once: every request with them is refused until someone enables them again.",
  enable: "Requests with these keys work again at once.",
};

/**
 * Enables or disables the selected keys: confirm with a reason, then Keydesk's server changes them
 * as a bulk change (lib/bulk: each key its own audited change, made by a job whether or not this tab
 * stays open); watch the progress (Stop leaves the keys not yet begun alone), then read what failed
 * and retry it. Closing never stops it: All keys' "Bulk changes" reopens it. `onFinished` gets the
 * summary when a change ends while the dialog is open.
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
  const [changeId, setChangeId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const [active, setActive] = useState(false);
  const [closeRequested, setCloseRequested] = useState(false);
  // Escape or a click outside while keys are changing asks first (closing does not stop them).
  const requestClose = () => (changeId !== null && active ? setCloseRequested(true) : onClose());
  const reasonRequired = target === "disable" || role !== "admin";
  // How the list named each key, for the outcome's lists.
  const [labels] = useState(() => new Map(keys.map((k) => [rowBulkKeyId(k), keyLabel(k)])));

  const finish = useCallback(
    (summary: string) =>
      onFinished(
        already.length > 0
          ? `${summary} ${already.length} already ${pastTense(target)}, left alone.`
          : summary,
      ),
    [already.length, onFinished, target],
  );

  const start = async (typed: string) => {
    setReason(typed);
    setStarting(true);
    setStartError(null);
    try {
      setChangeId((await startBulkChange(target, requestKeysOf(toChange, target), typed)).id);
    } catch (error) {
      setStartError(
        error instanceof ApiRequestError ? error.message : "The bulk change could not be started.",
      );
    } finally {
      setStarting(false);
    }
  };

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
      ) : changeId === null ? (
        <>
          {startError ? (
            <p role="alert" className="text-sm text-red-800">
              {startError}
            </p>
          ) : null}
          <BulkConfirmStep
            target={target}
            toChange={toChange}
            already={already}
            reasonRequired={reasonRequired}
            onCancel={onClose}
            onConfirm={(typed) => {
              if (!starting) void start(typed);
            }}
          />
        </>
      ) : (
        <BulkFollow
          changeId={changeId}
          labels={labels}
          reason={reason}
          closeRequested={closeRequested}
          onKeepGoing={() => setCloseRequested(false)}
          onActive={setActive}
          onClose={onClose}
          onFinished={finish}
        />
      )}
    </Dialog>
  );
}
