// What a row acted on, by name, with where to go: a key to its own page (lib/key-href.ts), a service
// account to its page, a user to Users (for those who may open it), a connection to its page. The
// ids go in `ids`, for a title or a tooltip. Pure and browser-safe. A thing the row says is gone (a
// deleted key, a removed connection) is named but not linked: its page would only say "not found".
import { isPrimaryConnectionId } from "@/lib/connection-ids";
import { visibleText } from "@/lib/format";
import { keyHref } from "@/lib/key-href";
import type { AuditEntry } from "./types";

type Row = Pick<AuditEntry, "action" | "target" | "details" | "changes">;

export interface TargetPart {
  kind: "key" | "service_account" | "group" | "user" | "connection" | "other";
  label: string;
  href: string | null;
  /** "Key id: …, service account id: …" for a title. */
  ids: string;
}

const GONE = new Set(["key_deleted", "connection_removed"]);

function isGone(row: Row): boolean {
  return GONE.has(row.action) || row.changes?.presence?.after === "absent";
}

function keyPart(row: Row, keyId: string): TargetPart {
  const { connectionId, serviceAccountId, name } = row.target;
  let href: string | null = null;
  if (!isGone(row)) {
    try {
      href = keyHref({ connectionId, group: serviceAccountId, keyId });
    } catch {
      // A primary-connection key recorded without its service account: no page to point at.
      href = null;
    }
  }
  const ids = [
    `Key id: ${keyId}`,
    serviceAccountId ? `service account id: ${serviceAccountId}` : null,
    connectionId ? `connection id: ${connectionId}` : null,
  ];
  return {
    kind: "key",
    label: visibleText(name ?? `Key ${keyId}`),
    href,
    ids: visibleText(ids.filter(Boolean).join(", ")),
  };
}

/** A row about the account itself, whose name is the account's (not a key's). */
const aboutAccount = (row: Row) => !row.action.startsWith("key_");

function groupPart(row: Row, groupId: string): TargetPart {
  const primary = !row.target.connectionId || isPrimaryConnectionId(row.target.connectionId);
  return {
    kind: primary ? "service_account" : "group",
    // A service account row is named by the account (service_account_created; the baseline).
    label: visibleText(
      aboutAccount(row) ? (row.target.name ?? `Service account ${groupId}`) : `Service account ${groupId}`,
    ),
    href: primary ? `/service-accounts/${encodeURIComponent(groupId)}` : null,
    ids: visibleText(`Service account id: ${groupId}`),
  };
}

/**
 * The row's target, most specific first: a key (with its service account in the ids), or a service
 * account, a user, or a connection (connection actions keep its id in `details`).
 * `canSeeUsers`: whether the reader may open the Users page (admins).
 */
export function describeTarget(row: Row, options: { canSeeUsers: boolean }): TargetPart[] {
  const t = row.target;
  if (t.keyId) return [keyPart(row, t.keyId)];
  if (t.serviceAccountId) {
    // A key whose id was never learnt (a create that did not finish): its name, then its account.
    const key: TargetPart[] =
      t.name && !aboutAccount(row)
        ? [{ kind: "other", label: visibleText(t.name), href: null, ids: "" }]
        : [];
    return [...key, groupPart(row, t.serviceAccountId)];
  }
  if (t.userId)
    return [
      {
        kind: "user",
        label: visibleText(t.name ?? `User ${t.userId}`),
        href: options.canSeeUsers ? "/users" : null,
        ids: visibleText(`User id: ${t.userId}`),
      },
    ];
  const connectionId = typeof row.details?.connectionId === "string" ? row.details.connectionId : null;
  if (connectionId)
    return [
      {
        kind: "connection",
        label: visibleText(t.name ?? connectionId),
        href: isGone(row) ? null : `/connections/${encodeURIComponent(connectionId)}`,
        ids: visibleText(`Connection id: ${connectionId}`),
      },
    ];
  if (t.name) return [{ kind: "other", label: visibleText(t.name), href: null, ids: "" }];
  return [];
}
