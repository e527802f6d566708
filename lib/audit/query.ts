// Reading the log for people: filters, newest first, keyset paging on id (never OFFSET, so the
// thousandth page costs what the first does). Completion rows are not listed on their own; each is
// folded into its attempt, and an attempt with none shows as outcome "unknown".
import "server-only";
import { and, desc, eq, gte, ilike, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { auditLog } from "@/lib/db/schema";
import type { AuditFilters } from "./filters";
import { normaliseRow } from "./append";
import { isUnstorable, toStored } from "./storable";
import { readableRow } from "./stored-row";
import type { AuditEntry, AuditRow } from "./types";

export interface AuditPageOptions extends AuditFilters {
  /** Only entries with an id below this: the previous page's nextCursor. */
  before?: number;
  limit?: number;
  /**
   * One key's own history (its page): the rows naming it, and the create or rotation that made it,
   * on these connections (null: rows written before connections existed). Exact, unlike `target`,
   * which also matches names; not a URL filter.
   */
  key?: { id: string; connections: readonly (string | null)[] };
  /** The rows one request (or one job run: `job:<id>`, see job-actor.ts) wrote; not a URL filter. */
  requestId?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null when this is the last. */
  nextCursor: number | null;
}

/** A LIKE pattern matching `text` anywhere, with its own % _ \ taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}

/**
 * Part of a stored text (storable.ts): text PostgreSQL would refuse is looked for in its escaped
 * spelling, which is how it appears inside an escaped value.
 */
const storedPart = (text: string) => (isUnstorable(text) ? JSON.stringify(text).slice(1, -1) : text);

/**
 * The attempts that made key `storedId`: a create names its key only on its completion (the attempt
 * cannot know it), and a rotation's completion names the old key with the new one in its changes.
 * (Completions themselves are never listed: each is folded into its attempt.)
 */
function madeKey(storedId: string): SQL {
  return sql`${auditLog.id} in (select made.completes from audit_log made where made.completes is not null and (made.key_id = ${storedId} or (made.action = 'key_rotated' and made.changes -> 'createdKeyId' ->> 'after' = ${storedId})))`;
}

function keyCondition({ id, connections }: NonNullable<AuditPageOptions["key"]>): SQL {
  const stored = toStored(id);
  const named = connections.filter((c): c is string => c !== null).map(toStored);
  const onConnection = or(
    ...(named.length > 0 ? [inArray(auditLog.connectionId, named)] : []),
    ...(connections.includes(null) ? [isNull(auditLog.connectionId)] : []),
  );
  return and(or(eq(auditLog.keyId, stored), madeKey(stored))!, onConnection ?? sql`false`)!;
}

function conditions(filters: AuditPageOptions): SQL[] {
  const where: SQL[] = [isNull(auditLog.completes)];
  if (filters.actor)
    where.push(
      or(
        eq(auditLog.actorUserId, toStored(filters.actor)),
        ilike(auditLog.actorEmail, containing(storedPart(filters.actor))),
      )!,
    );
  if (filters.action) where.push(eq(auditLog.action, toStored(filters.action)));
  if (filters.target) {
    const t = toStored(filters.target);
    where.push(
      or(
        eq(auditLog.keyId, t),
        eq(auditLog.serviceAccountId, t),
        eq(auditLog.targetUserId, t),
        ilike(auditLog.targetName, containing(storedPart(filters.target))),
        madeKey(t),
      )!,
    );
  }
  if (filters.key) where.push(keyCondition(filters.key));
  if (filters.requestId !== undefined) where.push(eq(auditLog.requestId, filters.requestId));
  if (filters.connection) where.push(eq(auditLog.connectionId, toStored(filters.connection)));
  if (filters.from) where.push(gte(auditLog.at, new Date(filters.from).toISOString()));
  if (filters.to) where.push(lte(auditLog.at, new Date(filters.to).toISOString()));
  if (filters.before !== undefined) where.push(lt(auditLog.id, filters.before));
  return where;
}

const OUTCOMES = new Set<string>([
  "ok",
  "error",
  "applied",
  "not_applied",
  "unknown",
] satisfies AuditEntry["outcome"][]);

function toEntry(stored: AuditRow, storedCompletion: AuditRow | undefined): AuditEntry {
  const row = readableRow(stored);
  const completion = storedCompletion && readableRow(storedCompletion);
  const outcome = row.outcome === "pending" ? (completion ? completion.outcome : "unknown") : row.outcome;
  const result = completion ?? row;
  return {
    id: row.id,
    at: row.at,
    requestId: row.requestId,
    actor: { userId: row.actorUserId, email: row.actorEmail, role: row.actorRole },
    ip: row.ip,
    userAgent: row.userAgent,
    action: row.action,
    // A create found by re-reading the upstream names its key on the completion (attempt.ts).
    target: {
      connectionId: row.connectionId ?? null,
      serviceAccountId: row.serviceAccountId,
      keyId: row.keyId ?? completion?.keyId ?? null,
      name: row.targetName,
      userId: row.targetUserId,
    },
    changes: completion?.changes ? { ...row.changes, ...completion.changes } : (row.changes ?? null),
    reason: row.reason,
    details: row.details ?? null,
    outcome: OUTCOMES.has(outcome) ? (outcome as AuditEntry["outcome"]) : "unknown",
    errorCode: result.errorCode,
    upstreamStatus: result.upstreamStatus,
    upstreamRequestId: result.upstreamRequestId,
    completionId: completion?.id ?? null,
    completedAt: completion?.at ?? null,
  };
}

export async function queryAudit(db: Db, options: AuditPageOptions = {}): Promise<AuditPage> {
  const limit = Math.max(1, Math.min(options.limit ?? 50, 1_000));
  const found = await db
    .select()
    .from(auditLog)
    .where(and(...conditions(options)))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const rows = found.slice(0, limit).map(normaliseRow);
  const attemptIds = rows.filter((r) => r.outcome === "pending").map((r) => r.id);
  const completions = new Map<number, AuditRow>();
  if (attemptIds.length > 0) {
    const done = await db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.completes, attemptIds))
      .orderBy(auditLog.id);
    for (const c of done) if (!completions.has(c.completes!)) completions.set(c.completes!, normaliseRow(c));
  }
  return {
    entries: rows.map((r) => toEntry(r, completions.get(r.id))),
    nextCursor: found.length > limit ? rows[rows.length - 1]!.id : null,
  };
}

/** Every entry the filters match, newest first, paged through in chunks; stops at `max`. */
export async function collectAudit(
  db: Db,
  filters: AuditFilters,
  max = 100_000,
): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
  const entries: AuditEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await queryAudit(db, {
      ...filters,
      before,
      limit: Math.min(1_000, max - entries.length + 1),
    });
    entries.push(...page.entries);
    if (entries.length > max) return { entries: entries.slice(0, max), truncated: true };
    if (page.nextCursor === null) return { entries, truncated: false };
    before = page.nextCursor;
  }
}
