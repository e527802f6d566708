// What the audit log knows about a key that explains a failure: its latest disable (when, by whom,
// why), its deletion, and a rotation that replaced it (with the new key's id), whether done
// through Keydesk or noticed as an outside change. One indexed read of the key's own rows.
import "server-only";
import { queryAudit } from "@/lib/audit";
import type { AuditEntry } from "@/lib/audit/types";
import type { Db } from "@/lib/db/database";
import type { KeyHistoryFacts } from "./types";

/** Enough rows to reach back past a busy key's recent changes. */
const ROWS = 200;

const succeeded = (e: AuditEntry) => e.outcome === "ok" || e.outcome === "applied";
const after = (e: AuditEntry, field: string): unknown => e.changes?.[field]?.after;

export function historyFacts(keyId: string, entries: readonly AuditEntry[]): KeyHistoryFacts {
  const facts: KeyHistoryFacts = { disabled: null, deleted: null, rotatedTo: null };
  // Newest first: the first match of each kind is the latest.
  for (const e of entries) {
    const who = e.actor.email;
    const outside = e.action === "key_observed_change";
    if (
      !facts.disabled &&
      succeeded(e) &&
      (e.action === "key_disabled" || (outside && after(e, "enabled") === false))
    )
      facts.disabled = { at: e.at, by: who, reason: e.reason, outside };
    if (
      !facts.deleted &&
      succeeded(e) &&
      (e.action === "key_deleted" || (outside && after(e, "presence") === "absent"))
    )
      facts.deleted = { at: e.at, by: who, reason: e.reason, outside };
    if (!facts.rotatedTo && succeeded(e) && e.action === "key_rotated" && e.target.keyId === keyId) {
      const created = after(e, "createdKeyId");
      if (typeof created === "string" && created !== keyId)
        facts.rotatedTo = { at: e.at, by: who, newKeyId: created };
    }
  }
  return facts;
}

export async function readHistoryFacts(
  db: Db,
  keyId: string,
  connections: readonly (string | null)[],
): Promise<KeyHistoryFacts> {
  const page = await queryAudit(db, { key: { id: keyId, connections }, limit: ROWS });
  return historyFacts(keyId, page.entries);
}
