// The log as a file: CSV for spreadsheets, JSON for tools. Pure functions over entries already
// filtered by queryAudit/collectAudit.
import { csvCell } from "@/lib/text/csv-cell";
import { connectionLabel, type ConnectionNames } from "./connection-label";
import type { AuditEntry } from "./types";

// Re-exported: the shared cell encoder (formula neutralising and quoting) lives in lib/text.
export { csvCell };

const COLUMNS: [header: string, value: (e: AuditEntry, names: ConnectionNames) => unknown][] = [
  ["id", (e) => e.id],
  ["at", (e) => e.at],
  ["request_id", (e) => e.requestId],
  ["actor_user_id", (e) => e.actor.userId],
  ["actor_email", (e) => e.actor.email],
  ["actor_role", (e) => e.actor.role],
  ["ip", (e) => e.ip],
  ["user_agent", (e) => e.userAgent],
  ["action", (e) => e.action],
  ["connection_id", (e) => e.target.connectionId],
  // The name it has now, or the id again when the connection was removed.
  ["connection", (e, names) => connectionLabel(e.target.connectionId, names)],
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

/** A header row, then one row per entry; CRLF line ends as RFC 4180 has them. `connectionNames`:
 * the connections' names now (listConnections), for the connection column. */
export function auditCsv(entries: readonly AuditEntry[], connectionNames: ConnectionNames = {}): string {
  const lines = [COLUMNS.map(([header]) => header).join(",")];
  for (const entry of entries)
    lines.push(COLUMNS.map(([, value]) => csvCell(value(entry, connectionNames))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export function auditJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}
