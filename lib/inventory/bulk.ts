// Changing many keys at once: the words the bulk dialog shows, and how its keys are named to the
// server, which makes the change (lib/bulk). Pure and client-safe (no React, no fetch), so the rules
// are unit-tested without a browser.
import { PRIMARY_CONNECTION_IDS } from "@/lib/connection-ids";
import { finishedCount, type BulkChangeView } from "@/lib/bulk/types";
import type { InventoryRow } from "./types";

export type BulkTarget = "enable" | "disable";

export const pastTense = (target: BulkTarget) => (target === "enable" ? "enabled" : "disabled");

/**
 * The keys that would change, those already in the target state (left alone, listed up front), and
 * those that cannot be switched at all (a provider without disable: `enabled` null).
 */
export function partitionByTarget<K extends { enabled: boolean | null }>(
  keys: readonly K[],
  target: BulkTarget,
): { toChange: K[]; already: K[]; cannot: K[] } {
  const wanted = target === "enable";
  return {
    toChange: keys.filter((k) => k.enabled !== null && k.enabled !== wanted),
    already: keys.filter((k) => k.enabled === wanted),
    cannot: keys.filter((k) => k.enabled === null),
  };
}

const keysWord = (n: number) => `${n} ${n === 1 ? "key" : "keys"}`;

/** "Disable 200 keys": the confirm button; the dialog's title adds a question mark. */
export const confirmLabel = (target: BulkTarget, count: number) =>
  `${target === "enable" ? "Enable" : "Disable"} ${keysWord(count)}`;

/** "3 are already disabled and will be left alone." */
export function alreadyNote(target: BulkTarget, count: number): string {
  return `${count} ${count === 1 ? "is" : "are"} already ${pastTense(target)} and will be left alone.`;
}

/** "195 disabled, 5 failed." Zero failures and zero not-started are left out; the first count never is. */
export function bulkSummary(
  target: BulkTarget,
  counts: { done: number; failed: number; notStarted: number },
): string {
  const parts = [`${counts.done} ${pastTense(target)}`];
  if (counts.failed > 0) parts.push(`${counts.failed} failed`);
  if (counts.notStarted > 0) parts.push(`${counts.notStarted} not started`);
  return `${parts.join(", ")}.`;
}

/**
 * Which finished-count the live region should say now. A screen reader told about every one of 200
 * keys hears nothing else, so the count is only re-announced when it crosses a tenth of the total,
 * and at the end.
 */
export function progressToAnnounce(announced: number, finished: number, total: number): number {
  if (total <= 0 || finished >= total) return Math.max(finished, 0);
  const tenth = (n: number) => Math.floor((n * 10) / total);
  return tenth(finished) > tenth(announced) ? finished : announced;
}

// ---- Bulk changes done on the server (lib/bulk, /api/bulk-changes) ----

/** The key of the primary workspace when a row carries no connection (the overview's rows). */
const PRIMARY_FALLBACK = PRIMARY_CONNECTION_IDS[0]!;

/** How a row is named to the server: its connection, id, group (service account) and what the list showed. */
export function bulkRequestKey(
  key: Pick<InventoryRow, "id" | "name" | "serviceAccountId" | "connection">,
  target: BulkTarget,
) {
  const connectionId = key.connection?.id ?? PRIMARY_FALLBACK;
  return {
    connectionId,
    keyId: key.id,
    ...(key.serviceAccountId ? { saId: key.serviceAccountId } : {}),
    name: key.name.slice(0, 255),
    expected: { enabled: target !== "enable" },
  };
}

/** The same key on both sides: a row, and a bulk change's key. */
export const bulkKeyId = (k: { connectionId: string; keyId: string }) => `${k.connectionId}\u0000${k.keyId}`;
export const rowBulkKeyId = (row: Pick<InventoryRow, "id" | "connection">) =>
  bulkKeyId({ connectionId: row.connection?.id ?? PRIMARY_FALLBACK, keyId: row.id });

/** Still has keys to do (the indicator polls while any does). */
export const isActiveChange = (change: Pick<BulkChangeView, "state" | "counts">) =>
  change.state === "queued" ||
  change.state === "running" ||
  change.counts.working > 0 ||
  (change.state !== "finished" && change.counts.pending > 0);

/** "195 disabled, 5 failed." for a change read from the server; skipped keys are said apart. */
export function changeSummary(change: Pick<BulkChangeView, "action" | "counts">): string {
  const { counts } = change;
  const done =
    change.action === "delete"
      ? `${counts.done} deleted`
      : bulkSummary(change.action, { done: counts.done, failed: 0, notStarted: 0 }).slice(0, -1);
  const parts = [done];
  if (counts.skipped > 0) parts.push(`${counts.skipped} left alone`);
  if (counts.failed > 0) parts.push(`${counts.failed} failed`);
  if (counts.cancelled > 0) parts.push(`${counts.cancelled} not started`);
  return `${parts.join(", ")}.`;
}

/** "Disabling 200 keys: 45 done" — the All keys indicator's words for one change. */
export function indicatorLabel(
  change: Pick<BulkChangeView, "action" | "total" | "counts" | "state">,
): string {
  const verb = { enable: "Enabling", disable: "Disabling", delete: "Deleting" }[change.action];
  const finished = finishedCount(change.counts);
  return isActiveChange(change)
    ? `${verb} ${keysWord(change.total)}: ${finished} of ${change.total} done`
    : `Bulk ${change.action}: ${changeSummary(change)}`;
}
