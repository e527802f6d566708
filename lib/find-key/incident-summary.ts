// The few lines a support person pastes into the incident ticket after disabling a leaked key:
// which key, where, who, when (ISO UTC, so readers in any time zone agree), why, and where to look
// next. Plain text on purpose: tickets, chats and e-mails all take it as it is. It never carries a
// secret or its hash; the key is named by its name and id only.
import { keyHref, type KeyRef } from "@/lib/key-href";

export interface DisabledKeyFacts {
  key: KeyRef & { name: string };
  connection: { name: string; providerLabel: string };
  by: { name: string; email: string };
  at: Date;
  reason: string;
}

/** The audit log, filtered to one key's rows (its id matches the target filter exactly). */
export function auditHrefForKey(keyId: string): string {
  return `/audit?${new URLSearchParams({ target: keyId })}`;
}

/** One line: names and reasons are typed by people, so a line break in one cannot add a line. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** `origin` (the console's own, e.g. https://keydesk.example.com) makes the links work from a ticket. */
export function incidentSummary(facts: DisabledKeyFacts, origin: string): string {
  const { key, connection, by, at, reason } = facts;
  const base = origin.replace(/\/+$/, "");
  const who =
    oneLine(by.name) && oneLine(by.name) !== by.email ? `${oneLine(by.name)} <${by.email}>` : by.email;
  return [
    `Key disabled: ${oneLine(key.name)} (id ${key.keyId})`,
    `Connection: ${oneLine(connection.name)} (${connection.providerLabel})`,
    `Disabled by: ${who}`,
    `Disabled at: ${at.toISOString()}`,
    `Reason: ${oneLine(reason)}`,
    `Key page: ${base}${keyHref(key)}`,
    `Audit log for this key: ${base}${auditHrefForKey(key.keyId)}`,
  ].join("\n");
}
