// The audit table's connection column: between the action and the target, the connection's name
// now, its id when it was removed, a dash for a row with no connection.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/audit/types";
import { AuditTable } from "./audit-table";

const row = (id: number, connectionId: string | null): AuditEntry => ({
  id,
  at: "2026-01-02T03:04:05.000Z",
  requestId: null,
  actor: { userId: "u1", email: "ada@example.com", role: "admin" },
  ip: null,
  userAgent: null,
  action: "key_updated",
  target: { connectionId, serviceAccountId: "sa_1", keyId: `k${id}`, name: `key ${id}`, userId: null },
  changes: null,
  reason: null,
  outcome: "ok",
  errorCode: null,
  upstreamStatus: null,
  upstreamRequestId: null,
  completionId: null,
  completedAt: null,
});

const NAMES = { "demo-docspace": "Demo DocSpace portal" };

function table(entries: AuditEntry[], names?: Record<string, string>) {
  const html = renderToStaticMarkup(createElement(AuditTable, { entries, connectionNames: names }));
  const headers = [...html.matchAll(/<th scope="col"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1]);
  const rows = html
    .split("<tbody")[1]!
    .split("</tr>")
    .slice(0, -1)
    .map((tr) => [...tr.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]));
  return { headers, rows };
}

describe("the audit table's connection column", () => {
  it("comes between the action and the target", () => {
    expect(table([row(1, null)]).headers).toEqual([
      "Time (UTC)",
      "Actor",
      "Action",
      "Connection",
      "Target",
      "Details",
      "Outcome",
    ]);
  });

  it("names the connection, shows a removed one's id, and a dash for no connection", () => {
    const { rows } = table([row(1, "demo-docspace"), row(2, "conn_removed"), row(3, null)], NAMES);
    // The first cell is the time; the connection is the first cell after the action (a th).
    expect(rows.map((cells) => cells[1])).toEqual(["Demo DocSpace portal", "conn_removed", "—"]);
  });

  it("shows the ids when no names were given", () => {
    expect(table([row(1, "demo-docspace")]).rows[0]![1]).toBe("demo-docspace");
  });
});
