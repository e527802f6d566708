// What an alert says, the same on every channel: the event's own words (title, body), what it is
// about, and when. Built from the event alone, which by contract (events.ts) carries names and ids,
// never a secret; anything shaped like a key's secret is still masked here, last, because this text
// leaves Keydesk.
import { redactSecrets } from "@/lib/text/secret-pattern";
import type { AlertEvent } from "./events";

/** The event as sent to a webhook: the event's fields, masked. */
export function maskedEvent(event: AlertEvent): AlertEvent {
  return JSON.parse(redactSecrets(JSON.stringify(event))) as AlertEvent;
}

function targetLine(event: AlertEvent): string | null {
  const t = event.target;
  if (!t) return null;
  const parts = [
    t.name ? `key “${t.name}”` : null,
    t.keyId ? `id ${t.keyId}` : null,
    t.group ? `group ${t.group}` : null,
    t.connectionId ? `connection ${t.connectionId}` : null,
  ].filter(Boolean);
  return parts.length ? `About: ${parts.join(", ")}` : null;
}

export function alertSubject(event: AlertEvent): string {
  return redactSecrets(`[Keydesk ${event.severity}] ${event.title}`);
}

/** Plain text for Slack and email: the title, the body, the target, the share used, the time. */
export function alertText(event: AlertEvent): string {
  const lines = [
    `${event.severity.toUpperCase()}: ${event.title}`,
    event.body ?? null,
    targetLine(event),
    event.usedShare !== undefined ? `Used: ${Math.round(event.usedShare * 100)}% of the limit` : null,
    `Kind: ${event.kind} · At: ${event.at}`,
  ].filter((line): line is string => Boolean(line));
  return redactSecrets(lines.join("\n"));
}
