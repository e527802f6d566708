// A key that reached 80% or 100% of its character limit since the last run: one `limit_reached`
// alert per threshold crossed. Compared with the key's previous sample, so a key that stays above
// a threshold is told about once, not every five minutes; a key first seen above one is told about.
import "server-only";
import type { AlertEvent } from "@/lib/alerts/events";
import type { StoredSample } from "./samples";

export const LIMIT_THRESHOLDS = [0.8, 1] as const;

function share(sample: Pick<StoredSample, "used" | "limit"> | null): number | null {
  if (!sample || sample.used === null || !sample.limit) return null;
  return sample.used / sample.limit;
}

/** The threshold `now` crossed since `before`, the highest one; null: none. */
export function crossedThreshold(
  before: Pick<StoredSample, "used" | "limit"> | null,
  now: Pick<StoredSample, "used" | "limit">,
): number | null {
  const current = share(now);
  if (current === null) return null;
  const previous = share(before) ?? 0;
  const crossed = LIMIT_THRESHOLDS.filter((t) => current >= t && previous < t);
  return crossed.length > 0 ? crossed[crossed.length - 1]! : null;
}

export function limitAlert(sample: StoredSample, threshold: number, name: string | null): AlertEvent {
  const percent = Math.round(threshold * 100);
  const label = name ? `“${name}”` : sample.keyId;
  return {
    kind: "limit_reached",
    severity: threshold >= 1 ? "urgent" : "warning",
    title: `Key ${label} has used ${percent}% of its character limit`,
    body: `${sample.used} of ${sample.limit} characters this month.`,
    target: {
      connectionId: sample.connectionId,
      group: sample.groupId,
      keyId: sample.keyId,
      name: name ?? undefined,
    },
    usedShare: threshold,
    at: new Date().toISOString(),
  };
}
