// The `key_disabled` alert, published where every key write is recorded as done: the completion row
// of an audited upstream write (lib/audit/attempt.ts), so each way of disabling a key (a key's page,
// another connection's key, Find a key's "Disable now", a bulk action) announces it without its own
// call. Only a completion that says the disable happened ("ok", or "applied" after re-reading).
// Not awaited: the completion may be inside a transaction, and an alert never holds up a write.
import type { AlertEvent } from "./events";
import { publishAlert } from "./events";

interface CompletionFacts {
  action: string;
  outcome: string;
  actorEmail: string | null;
  connectionId?: string | null;
  serviceAccountId: string | null;
  keyId: string | null;
  targetName: string | null;
}

export function keyDisabledAlert(row: CompletionFacts, now = new Date()): AlertEvent | null {
  if (row.action !== "key_disabled" || (row.outcome !== "ok" && row.outcome !== "applied")) return null;
  const name = row.targetName ?? row.keyId ?? "a key";
  return {
    kind: "key_disabled",
    severity: "warning",
    title: `Key “${name}” was disabled${row.actorEmail ? ` by ${row.actorEmail}` : ""}`,
    target: {
      connectionId: row.connectionId ?? undefined,
      group: row.serviceAccountId,
      keyId: row.keyId ?? undefined,
      name: row.targetName ?? undefined,
    },
    at: now.toISOString(),
  };
}

export function announceKeyDisabled(row: CompletionFacts): void {
  const event = keyDisabledAlert(row);
  if (event) void publishAlert(event);
}
