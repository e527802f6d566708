// What a person is told about a reported token, through lib/alerts' bus (delivery is the alerts
// part's job). Severity: urgent whenever a person must act now (the key is still on: the provider
// cannot disable, the disable failed, auto-disable is off, or Keydesk could not tell which key);
// a warning when Keydesk switched the key off (it still needs rotating).
import "server-only";
import { publishAlert, type AlertEvent, type AlertSeverity } from "@/lib/alerts/events";
import { redactSecrets } from "@/lib/text/secret-pattern";
import { SCANNER_NAMES, type LeakedKey, type LeakOutcome, type Scanner } from "./types";

interface AlertInput {
  scanner: Scanner;
  outcome: LeakOutcome;
  key: LeakedKey | null;
  providerLabel: string | null;
  url: string | null;
  candidates?: number;
}

const SEVERITY: Record<LeakOutcome, AlertSeverity | null> = {
  disabled: "warning",
  already_disabled: "info",
  not_disabled: "urgent",
  cannot_disable: "urgent",
  disable_failed: "urgent",
  possible_match: "urgent",
  search_failed: "urgent",
  no_match: null,
};

function title({ scanner, outcome, key, providerLabel, candidates }: AlertInput): string {
  const by = SCANNER_NAMES[scanner];
  const name = key ? `Key “${redactSecrets(key.name)}”` : "A key";
  switch (outcome) {
    case "disabled":
      return `${name} was disabled: reported public by ${by}`;
    case "already_disabled":
      return `${name} was reported public by ${by} (it was already disabled)`;
    case "not_disabled":
      return `${name} was reported public by ${by}: disable and rotate it now (automatic disabling is off)`;
    case "cannot_disable":
      return `${name} was reported public by ${by}: ${providerLabel ?? "its provider"} cannot disable keys, rotate or delete it now`;
    case "disable_failed":
      return `${name} was reported public by ${by} and could not be disabled: disable and rotate it now`;
    case "possible_match":
      return `A secret reported public by ${by} may be one of ${candidates ?? "several"} keys: check them now`;
    case "search_failed":
      return `A secret was reported public by ${by}, and Keydesk could not search its connections: search for it now`;
    case "no_match":
      return `A secret reported public by ${by} matched no key`;
  }
}

/** Publishes the alert for one outcome (none for a token that matched nothing). */
export async function alertLeak(input: AlertInput): Promise<void> {
  const severity = SEVERITY[input.outcome];
  if (severity === null) return;
  const event: AlertEvent = {
    kind: "leak_reported",
    severity,
    title: title(input),
    body: input.url ? `Found at ${input.url}` : undefined,
    target: input.key
      ? {
          connectionId: input.key.connectionId,
          group: input.key.group?.id ?? null,
          keyId: input.key.keyId,
          name: redactSecrets(input.key.name),
        }
      : undefined,
    at: new Date().toISOString(),
  };
  await publishAlert(event);
}
