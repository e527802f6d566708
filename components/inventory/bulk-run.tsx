"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { bulkSummary, pastTense, progressToAnnounce, runBulk, type BulkTarget } from "@/lib/inventory/bulk";
import type { InventoryRow } from "@/lib/inventory/types";
import { apiJson, ApiRequestError } from "@/lib/http/client";
import { BULK_HEADER } from "@/lib/auth/step-up-policy";
import { inventoryQueryKey } from "@/lib/inventory/queries";
import { conflictCurrent, serviceAccounts } from "@/lib/keys/queries";
import { notify } from "@/components/ui/notify";
import { toastKeyWrite } from "@/components/keys/write-toast";

const CONCURRENCY = 4;

export interface BulkFailure {
  key: InventoryRow;
  message: string;
  /** False when asking again cannot help (already in the target state, deleted, not allowed). */
  retryable: boolean;
}

export interface BulkRunState {
  phase: "idle" | "running" | "finished";
  /** Keys in the current (or last) run, and how many of them have an outcome. */
  total: number;
  finished: number;
  /** The count the live region says; it trails `finished` so a screen reader is not flooded. */
  announced: number;
  stopping: boolean;
  /** Changed by this dialog, over the first run and any retries. */
  done: InventoryRow[];
  /** Of the last run only: a retry replaces them. */
  failed: BulkFailure[];
  notStarted: InventoryRow[];
}

const IDLE: BulkRunState = {
  phase: "idle",
  total: 0,
  finished: 0,
  announced: 0,
  stopping: false,
  done: [],
  failed: [],
  notStarted: [],
};

export const keyLabel = (key: InventoryRow) =>
  `${key.name} (${key.serviceAccountName || key.details?.owner || key.connection?.name || "no owner"})`;

/** A key of another connection goes through its connection's key client; the primary's as always. */
const otherConnectionOf = (key: InventoryRow) => (key.details && key.connection ? key.connection : null);

const keyPath = (key: InventoryRow) => {
  const other = otherConnectionOf(key);
  return other
    ? `/api/connections/${encodeURIComponent(other.id)}/keys/${encodeURIComponent(key.id)}` +
        (key.serviceAccountId ? `?group=${encodeURIComponent(key.serviceAccountId)}` : "")
    : `/api/service-accounts/${encodeURIComponent(key.serviceAccountId)}/keys/${encodeURIComponent(key.id)}`;
};

/** Thrown for a key that needs nothing more: someone else put it in the target state meanwhile. */
class AlreadyThere extends Error {}

/**
 * One PATCH per key, through the same audited endpoint as the status switch. Not through
 * useSetKeyEnabled: its optimistic cache writes and per-key invalidation would refetch every list
 * 200 times; the caches are refreshed once, when the run ends.
 */
async function changeKey(key: InventoryRow, target: BulkTarget, reason: string): Promise<void> {
  const enabled = target === "enable";
  try {
    // Marked as a bulk change: the first PATCH asks for a recent sign-in if needed, which covers the rest.
    await apiJson(keyPath(key), {
      method: "PATCH",
      headers: { [BULK_HEADER]: "1" },
      body: {
        enabled,
        ...(reason ? { reason } : {}),
        // Both endpoints check the key is still as the list showed it (a 409 otherwise).
        expected: { enabled: !enabled },
      },
    });
  } catch (error) {
    if (conflictCurrent(error)?.enabled === enabled)
      throw new AlreadyThere(
        `Already ${pastTense(target)}: someone else changed it meanwhile, so Keydesk left it alone.`,
      );
    throw error; // an ApiRequestError's message is the server's own
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof AlreadyThere) return false;
  return !(error instanceof ApiRequestError && [400, 403, 404].includes(error.status));
}

/**
 * Runs a bulk enable or disable and keeps what the dialog shows. Leaving the page stops the run
 * (keys already sent finish), so nothing keeps changing keys behind a page nobody is looking at.
 */
export function useBulkStatusRun(target: BulkTarget, onFinished: (summary: string) => void) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<BulkRunState>(IDLE);
  const controller = useRef<AbortController | null>(null);
  // The keys changed by earlier runs, read when a run ends (state would be a stale closure there).
  const doneSoFar = useRef<InventoryRow[]>([]);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (keys: InventoryRow[], reason: string) => {
      const run = new AbortController();
      controller.current = run;
      setState((s) => ({
        ...s,
        phase: "running",
        total: keys.length,
        finished: 0,
        announced: 0,
        stopping: false,
        failed: [],
        notStarted: [],
      }));
      // runBulk reports only messages; which failures are worth retrying is kept here, by key.
      const notRetryable = new Set<InventoryRow>();
      const result = await runBulk(
        keys,
        async (key) => {
          try {
            await changeKey(key, target, reason);
          } catch (error) {
            if (!isRetryable(error)) notRetryable.add(key);
            throw error;
          }
        },
        {
          concurrency: CONCURRENCY,
          signal: run.signal,
          onProgress: (r) => {
            if (r.outcome === "cancelled") return;
            setState((s) => ({
              ...s,
              finished: s.finished + 1,
              announced: progressToAnnounce(s.announced, s.finished + 1, s.total),
            }));
          },
        },
      );
      if (controller.current === run) controller.current = null;
      doneSoFar.current = [...doneSoFar.current, ...result.done];
      const failed = result.failed.map(({ item, message }) => ({
        key: item,
        message,
        retryable: !notRetryable.has(item),
      }));
      setState((s) => ({
        ...s,
        phase: "finished",
        stopping: false,
        announced: s.finished,
        done: doneSoFar.current,
        failed,
        notStarted: result.skipped,
      }));
      // A toast for what went through (failures stay in the dialog, with a retry).
      const changed = result.done.length;
      if (changed === 1) toastKeyWrite(result.done[0]!.name, pastTense(target));
      else if (changed > 1) notify.success(`${changed} keys ${pastTense(target)}`);
      // Not awaited: the lists refetch in the background while the result is read.
      void queryClient.invalidateQueries({ queryKey: serviceAccounts.all });
      void queryClient.invalidateQueries({ queryKey: inventoryQueryKey });
      onFinished(
        bulkSummary(target, {
          done: doneSoFar.current.length,
          failed: failed.length,
          notStarted: result.skipped.length,
        }),
      );
    },
    [onFinished, queryClient, target],
  );

  const stop = useCallback(() => {
    controller.current?.abort();
    setState((s) => (s.phase === "running" ? { ...s, stopping: true } : s));
  }, []);

  return { state, start, stop };
}
