// The log as a file: CSV for spreadsheets, JSON for tools. Pure functions over entries already
// filtered by queryAudit/collectAudit.
import type { AuditEntry } from "./types";

const COLUMNS: [header: string, value: (e: AuditEntry) => unknown][] = [
  ["id", (e) => e.id],
  ["at", (e) => e.at],
  ["request_id", (e) => e.requestId],
  ["actor_user_id", (e) => e.actor.userId],
  ["actor_email", (e) => e.actor.email],
  ["actor_role", (e) => e.actor.role],
  ["ip", (e) => e.ip],
  ["user_agent", (e) => e.userAgent],
  ["action", (e) => e.action],
  ["service_account_id", (e) => e.target.serviceAccountId],
  ["key_id", (e) => e.target.keyId],
  ["target_name", (e) => e.target.name],
  ["target_user_id", (e) => e.target.userId],
  ["changes", (e) => (e.changes ? JSON.stringify(e.changes) : null)],
  ["reason", (e) => e.reason],
  ["outcome", (e) => e.outcome],
  ["error_code", (e) => e.errorCode],
  ["upstream_status", (e) => e.upstreamStatus],
  ["upstream_request_id", (e) => e.upstreamRequestId],
  ["completed_at", (e) => e.completedAt],
];

/**
 * One CSV cell. A text cell that a spreadsheet would run as a formula (starting with = + - @, or a
 * tab or carriage return) gets a leading apostrophe (OWASP's advice); then cells holding a comma,
 * quote or line break are quoted, with quotes doubled (RFC 4180).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row, then one row per entry; CRLF line ends as RFC 4180 has them. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [COLUMNS.map(([header]) => header).join(",")];
  for (const entry of entries) lines.push(COLUMNS.map(([, value]) => csvCell(value(entry))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export function auditJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}
