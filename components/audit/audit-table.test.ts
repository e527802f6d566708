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
    .split(/<tr data-audit-id/)
    .slice(1)
    // The connection is the cell right after the action (the row's header cell).
    .map((tr) => /<\/th><td[^>]*>([^<]*)<\/td>/.exec(tr)?.[1]);
  return { html, headers, rows };
}

describe("the audit table's connection column", () => {
  it("comes between the action and the target", () => {
    expect(table([row(1, null)]).headers).toEqual([
      "Time",
      "Actor",
      "Action",
      "Connection",
      "Target",
      "Changes",
      "Outcome",
    ]);
  });

  it("names the connection, shows a removed one's id, and a dash for no connection", () => {
    const { rows } = table([row(1, "demo-docspace"), row(2, "conn_removed"), row(3, null)], NAMES);
    expect(rows).toEqual(["Demo DocSpace portal", "conn_removed", "—"]);
  });

  it("shows the ids when no names were given", () => {
    expect(table([row(1, "demo-docspace")]).rows[0]).toBe("demo-docspace");
  });
});

describe("the audit table's words", () => {
  it("says changes in words, links the target with its ids on hover, and offers the raw record", () => {
    const entry = {
      ...row(7, "env-elevenlabs"),
      changes: { permissions: { before: ["voices_read"], after: ["text_to_speech"] } },
    };
    const { html } = table([entry]);
    expect(html).toContain("Permissions:</span> + Text to Speech, − Voices (read)");
    expect(html).toContain('href="/service-accounts/sa_1/keys/k7"');
    expect(html).toContain('title="Key id: k7, service account id: sa_1, connection id: env-elevenlabs"');
    expect(html).toMatch(/<button type="button" aria-expanded="false"/);
    // The raw record is not drawn until opened (the browser test opens it).
    expect(html).not.toContain("audit-raw-7");
    // The time is the exact instant on hover, UTC until the browser shows local time.
    expect(html).toContain(
      '<time dateTime="2026-01-02T03:04:05.000Z" title="2026-01-02T03:04:05.000Z">2026-01-02 03:04:05 UTC</time>',
    );
  });

  it("names a failed sign-in as failed, not as signed in with a code", () => {
    const failed: AuditEntry = {
      ...row(8, null),
      action: "sign_in",
      target: { connectionId: null, serviceAccountId: null, keyId: null, name: null, userId: null },
      outcome: "error",
      errorCode: "http_401",
    };
    const { html } = table([failed]);
    expect(html).toContain("Sign-in failed");
    expect(html).toMatch(/>failed<\/span><div[^>]*>wrong email or password<\/div>/);
    expect(html).not.toContain(">Signed in<");
  });
});
