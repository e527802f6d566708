// Writing to the chain. Every insert takes one PostgreSQL advisory transaction lock, reads the last
// row's hash and links to it, so two Keydesk processes sharing a server still build one unbroken
// chain (ids are drawn under the same lock, so id order is chain order).
import "server-only";
import { desc, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { recordAuditAppend } from "@/lib/log/metrics";
import { auditLog } from "@/lib/db/schema";
import { auditNow, toIsoAt } from "./at";
import { GENESIS_HASH, hashRow } from "./hash";
import { signedByJob } from "./job-actor";
import { assertNoSecret } from "./secret-guard";
import { storedRow } from "./stored-row";
import type { AuditEntryInput, AuditEvent, AuditRow, AuditRowContent } from "./types";

/** The advisory lock key that serialises appends (the migration lock is 724_401). */
export const AUDIT_CHAIN_LOCK = 724_402;

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Rows per INSERT statement (22 parameters each, well under PostgreSQL's 65,535). */
const INSERT_BATCH = 500;

/** A round trip through JSON, so what is hashed is exactly what jsonb will hand back. */
function plainJson<T>(value: T): T {
  return value === undefined || value === null ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}

/** The columns of an event, without an outcome or a time yet. */
export function eventColumns(
  event: AuditEvent,
): Omit<
  AuditRowContent,
  "at" | "outcome" | "errorCode" | "upstreamStatus" | "upstreamRequestId" | "completes"
> {
  return {
    requestId: event.requestId ?? null,
    actorUserId: event.actor?.userId ?? null,
    actorEmail: event.actor?.email ?? null,
    actorRole: event.actor?.role ?? null,
    ip: event.ip ?? null,
    userAgent: event.userAgent ?? null,
    action: event.action,
    serviceAccountId: event.target?.serviceAccountId ?? null,
    keyId: event.target?.keyId ?? null,
    targetName: event.target?.name ?? null,
    targetUserId: event.target?.userId ?? null,
    changes: plainJson(event.changes ?? null),
    reason: event.reason ?? null,
    details: plainJson(event.details ?? null),
    connectionId: event.target?.connectionId ?? null,
  };
}

export function entryColumns(entry: AuditEntryInput): AuditRowContent {
  return {
    ...eventColumns(entry),
    at: auditNow(),
    outcome: entry.outcome,
    errorCode: entry.outcome !== "ok" ? entry.errorCode : null,
    upstreamStatus: entry.upstreamStatus ?? null,
    upstreamRequestId: entry.upstreamRequestId ?? null,
    completes: null,
  };
}

/** A row as read back from either driver, with `at` in the spelling its hash was taken over. */
export function normaliseRow(row: AuditRow): AuditRow {
  return { ...row, at: toIsoAt(row.at) };
}

/**
 * Appends rows to the chain in one transaction. Rows are written (and hashed) in their stored form
 * (stored-row.ts); what this returns is that form, and `readableRow` turns it back. `make` runs under the lock, so it may read rows
 * and decide (a completion checks its attempt there). Refuses the whole batch if any row holds a
 * secret.
 */
export function appendChained(
  db: Db,
  make: (tx: Tx) => Promise<AuditRowContent[]> | AuditRowContent[],
): Promise<AuditRow[]> {
  return timed(() => db.transaction((tx) => appendInTransaction(tx, make)));
}

/**
 * The same inside a transaction the caller holds (and commits or rolls back with its own work),
 * without a savepoint of its own: the chain's lock is then held until the caller's transaction ends.
 */
export function appendChainedIn(
  tx: Tx,
  make: (tx: Tx) => Promise<AuditRowContent[]> | AuditRowContent[],
): Promise<AuditRow[]> {
  return timed(() => appendInTransaction(tx, make));
}

async function timed(append: () => Promise<AuditRow[]>): Promise<AuditRow[]> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const rows = await append();
    recordAuditAppend("ok", seconds());
    return rows;
  } catch (error) {
    recordAuditAppend("error", seconds());
    throw error;
  }
}

async function appendInTransaction(
  tx: Tx,
  make: (tx: Tx) => Promise<AuditRowContent[]> | AuditRowContent[],
): Promise<AuditRow[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  // Text PostgreSQL would refuse (a NUL, a lone surrogate) is escaped; the hash covers that form.
  // A background job's rows are signed as the job's (job-actor.ts) before they are hashed.
  const contents = (await make(tx)).map(signedByJob).map(storedRow);
  for (const content of contents) assertNoSecret(content);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = contents.map((content) => {
    const row = { ...content, at: toIsoAt(content.at), prevHash };
    prevHash = hashRow(row);
    return { ...row, hash: prevHash };
  });
  const written: AuditRow[] = [];
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const inserted = await tx
      .insert(auditLog)
      .values(rows.slice(i, i + INSERT_BATCH))
      .returning();
    written.push(...inserted.map(normaliseRow));
  }
  return written;
}

/** Records a finished event as one row. Throws AuditSecretError if it holds a secret. */
export async function appendAudit(db: Db, entry: AuditEntryInput): Promise<AuditRow> {
  const content = entryColumns(entry);
  assertNoSecret(content); // before touching the database at all
  const [row] = await appendChained(db, () => [content]);
  return row!;
}
