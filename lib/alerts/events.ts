// What Keydesk tells people about, as events, so the parts that notice things (leak reports, the
// watch job, policies, audit verification, the job engine) do not need to know how alerts are
// delivered. The delivery side (channels, rules, the delivery log) subscribes once at start; with
// no subscriber an event is only logged by the caller. Events carry names and ids, never a secret:
// an alert goes to webhooks and mailboxes outside Keydesk.

export type AlertKind =
  | "key_disabled"
  | "leak_reported"
  | "outside_change"
  | "limit_reached"
  | "policy_broken"
  | "audit_chain_failed"
  /** Informational: the audit-anchor job's signed line (lib/audit/anchor-job.ts), kept outside Keydesk by the channels. */
  | "audit_anchored"
  | "job_failing"
  /** An admin's "Send a test" on the Alerts page: delivered to that channel alone, whatever it filters. */
  | "channel_test";

export type AlertSeverity = "info" | "warning" | "urgent";

export interface AlertEvent {
  kind: AlertKind;
  severity: AlertSeverity;
  /** One line a person reads first, e.g. "Key “ci-bot” was disabled: reported public by GitHub". */
  title: string;
  /** Plain-text detail, a few lines at most. Never a key's secret or a credential. */
  body?: string;
  /** The key (or other target) the event is about, by connection, group and id. */
  target?: { connectionId?: string; group?: string | null; keyId?: string; name?: string };
  /** For limit_reached: the share of the limit used, e.g. 0.8 or 1. */
  usedShare?: number;
  /** When it happened (ISO); the publisher's clock. */
  at: string;
}

type Listener = (event: AlertEvent) => Promise<void> | void;

const listeners = new Set<Listener>();

/** Subscribes a listener; returns the unsubscribe. */
export function onAlert(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Hands `event` to every listener and waits for them, so a caller that must know the alert was
 * recorded (a leak report's answer) can await it. A listener's failure never reaches the caller:
 * an alert that cannot be recorded must not undo the action it reports.
 */
export async function publishAlert(event: AlertEvent): Promise<void> {
  await Promise.all(
    [...listeners].map(async (listener) => {
      try {
        await listener(event);
      } catch {
        // The delivery side records its own failures (its delivery log); nothing to add here.
      }
    }),
  );
}
