// An export of the audit log as a file download, recorded in the log itself (who exported what).
import "server-only";
import type { RequestInfo } from "@/lib/http/request-info";
import { getDatabase } from "@/lib/db";
import type { ConnectionNames } from "./connection-label";
import type { AuditExportQuery } from "./filters";
import { appendAudit } from "./append";
import { auditCsv, auditJson } from "./export";
import { collectAudit } from "./query";

/** Who exports, and what the log should note about how they proved it (the step-up details). */
export interface AuditExporter {
  user: { id: string; email: string; role: string };
  info: RequestInfo;
  details?: Record<string, unknown> | null;
  /** The connections' names now, for the CSV's connection column (lib/connections lists them). */
  connectionNames?: ConnectionNames;
}

export async function exportAudit(
  query: AuditExportQuery,
  { user, info, details, connectionNames = {} }: AuditExporter,
): Promise<Response> {
  const { db } = await getDatabase();
  const { format, ...filters } = query;
  const { entries, truncated } = await collectAudit(db, filters);
  const generatedAt = new Date().toISOString();
  await appendAudit(db, {
    action: "audit_exported",
    actor: { userId: user.id, email: user.email, role: user.role },
    ip: info.ip,
    userAgent: info.userAgent,
    requestId: info.requestId,
    changes: { export: { before: null, after: { format, filters, rows: entries.length, truncated } } },
    details,
    outcome: "ok",
  });
  const body = format === "csv" ? auditCsv(entries, connectionNames) : auditJson(entries);
  const stamp = generatedAt.replace(/[:.]/g, "-");
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="keydesk-audit-${stamp}.${format}"`,
      "cache-control": "no-store",
      "x-keydesk-generated-at": generatedAt,
      "x-keydesk-rows": String(entries.length),
      ...(truncated ? { "x-keydesk-truncated": "true" } : {}),
    },
  });
}
