// Which channels an event goes to: a channel takes the kinds it lists (none listed: every kind) at
// or above its minimum severity, and only while it is enabled.
import type { AlertEvent, AlertSeverity } from "./events";

const RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, urgent: 2 };

export function atLeast(severity: AlertSeverity, minimum: AlertSeverity): boolean {
  return RANK[severity] >= RANK[minimum];
}

export function channelTakes(
  channel: { enabled: boolean; kinds: readonly string[]; minSeverity: AlertSeverity },
  event: Pick<AlertEvent, "kind" | "severity">,
): boolean {
  return (
    channel.enabled &&
    (channel.kinds.length === 0 || channel.kinds.includes(event.kind)) &&
    atLeast(event.severity, channel.minSeverity)
  );
}
