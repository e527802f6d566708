// A bulk change, as its API and its dialog speak of it. Browser-safe: ids, names and counts only.

export const BULK_ACTIONS = ["enable", "disable", "delete"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** queued: waiting for its job; running: a run is working on it; finished / cancelled: nothing left to do. */
export type BulkChangeState = "queued" | "running" | "finished" | "cancelled";

/**
 * pending: not started; working: a run began it (and may have died: checked upstream before acting
 * again); done; skipped: already as asked, or gone (nothing to do); failed; cancelled: never started.
 */
export type BulkKeyState = "pending" | "working" | "done" | "skipped" | "failed" | "cancelled";

/** The most keys one bulk change takes. */
export const BULK_MAX_KEYS = 500;

export interface BulkKeyView {
  position: number;
  connectionId: string;
  keyId: string;
  groupId: string | null;
  name: string | null;
  state: BulkKeyState;
  message: string | null;
  updatedAt: string;
}

export type BulkCounts = Record<BulkKeyState, number>;

export interface BulkChangeView {
  id: string;
  action: BulkAction;
  reason: string | null;
  startedBy: { id: string; email: string };
  state: BulkChangeState;
  createdAt: string;
  finishedAt: string | null;
  cancelledBy: string | null;
  total: number;
  counts: BulkCounts;
  /** May the asking person cancel it (its starter, or an admin), while keys are left to do. */
  canCancel: boolean;
}

export interface BulkChangeDetail extends BulkChangeView {
  keys: BulkKeyView[];
}

/** Keys with an outcome (anything but pending and working). */
export function finishedCount(counts: BulkCounts): number {
  return counts.done + counts.skipped + counts.failed + counts.cancelled;
}
