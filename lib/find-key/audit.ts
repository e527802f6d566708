// A search for something that looked like a secret goes on the audit log: who, when, the last four
// characters and how many keys matched. Never the secret or its hash: the hint is what the console
// shows anyway, and the audit log's own guard would refuse an `sk_…` outright.
import "server-only";
import { appendAudit, errorOutcome } from "@/lib/audit";
import type { AuditEvent } from "@/lib/audit/types";
import type { KeyActionContext } from "@/lib/keys";
import type { Db } from "@/lib/db/database";
import { primaryConnectionId } from "@/lib/elevenlabs/connection-id";

export const KEY_SEARCH_ACTION = "key_search";

export interface SecretSearchSummary {
  hint: string;
  /** Keys that matched in any way; null when the search failed before matching. */
  candidates: number | null;
  /** Of those, keys whose secret hash (or id) matched. */
  exact: number | null;
  /** A search across every connection: the ids of the connections searched, and of those that could not be. */
  connections?: { searched: string[]; failed: string[] };
}

function searchEvent(ctx: KeyActionContext, summary: SecretSearchSummary): AuditEvent {
  return {
    action: KEY_SEARCH_ACTION,
    actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
    requestId: ctx.info.requestId,
    // The search read the primary connection's keys.
    target: { connectionId: primaryConnectionId() },
    changes: { search: { before: null, after: { kind: "secret", ...summary } } },
  };
}

export async function recordSecretSearch(
  db: Db,
  ctx: KeyActionContext,
  summary: SecretSearchSummary,
  error?: unknown,
): Promise<void> {
  const event = searchEvent(ctx, summary);
  await appendAudit(
    db,
    error === undefined ? { ...event, outcome: "ok" } : { ...event, ...errorOutcome(error) },
  );
}
