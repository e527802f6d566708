"use client";
// Following one bulk change in a dialog: its progress read from the server, Stop (cancel the keys
// not yet begun: the starter or an admin), the outcome, and a retry of the failed keys as a new
// bulk change. Told once when a change it follows ends, so the lists are read again and the page
// can say the summary.
import { useEffect, useRef, useState } from "react";
import type { BulkChangeDetail, BulkKeyView } from "@/lib/bulk/types";
import { changeSummary, isActiveChange } from "@/lib/inventory/bulk";
import { ApiRequestError } from "@/lib/http/client";
import { BulkProgressStep } from "./bulk-progress-step";
import { startBulkChange, useBulkChange, useCancelBulkChange, useRefreshKeyLists } from "./bulk-run";

const messageOf = (error: unknown) =>
  error instanceof ApiRequestError || error instanceof Error ? error.message : "Something went wrong.";

export function BulkFollow({
  changeId: firstId,
  labels,
  reason,
  closeRequested = false,
  onKeepGoing,
  onActive,
  onClose,
  onFinished,
}: {
  changeId: string;
  labels: ReadonlyMap<string, string>;
  /** The reason to give a retry (the change's own, when this dialog started it). */
  reason: string | null;
  closeRequested?: boolean;
  onKeepGoing?(): void;
  /** Told whether keys are left to do, as that changes (Escape then asks first). */
  onActive?(active: boolean): void;
  onClose(): void;
  onFinished?(summary: string, change: BulkChangeDetail): void;
}) {
  const [changeId, setChangeId] = useState(firstId);
  const [retryError, setRetryError] = useState<string | null>(null);
  const [earlierDone, setEarlierDone] = useState(0);
  const { data: change, error } = useBulkChange(changeId);
  const cancel = useCancelBulkChange(changeId);
  const refresh = useRefreshKeyLists();
  const told = useRef<string | null>(null);
  const active = change === undefined || isActiveChange(change);
  useEffect(() => onActive?.(active), [active, onActive]);

  useEffect(() => {
    if (!change || isActiveChange(change) || told.current === change.id) return;
    told.current = change.id;
    refresh();
    onFinished?.(changeSummary(change), change);
  }, [change, onFinished, refresh]);

  const retry = async (keys: BulkKeyView[]) => {
    if (!change) return;
    setRetryError(null);
    try {
      const { id } = await startBulkChange(
        change.action,
        keys.map((k) => ({
          connectionId: k.connectionId,
          keyId: k.keyId,
          ...(k.groupId ? { saId: k.groupId } : {}),
          ...(k.name ? { name: k.name } : {}),
          ...(change.action === "delete" ? {} : { expected: { enabled: change.action !== "enable" } }),
        })),
        reason ?? change.reason ?? "",
      );
      setEarlierDone((n) => n + change.counts.done);
      setChangeId(id);
    } catch (e) {
      setRetryError(messageOf(e));
    }
  };

  return (
    <BulkProgressStep
      change={change}
      error={retryError ?? (cancel.error ? messageOf(cancel.error) : error ? messageOf(error) : null)}
      labels={labels}
      earlierDone={earlierDone}
      closeRequested={closeRequested}
      onKeepGoing={() => onKeepGoing?.()}
      stopping={cancel.isPending || cancel.isSuccess}
      onStop={change?.canCancel ? () => cancel.mutate() : null}
      onRetry={(keys) => void retry(keys)}
      onClose={onClose}
    />
  );
}
