// Test helpers for the audit log's tests (not used by the app).
import { afterAll } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import type { Database, Db } from "@/lib/db/database";
import { openTestDatabase } from "./databases";
import type { AuditEntryInput } from "@/lib/audit/types";

/** Opens fresh test databases and closes them after the file's tests. */
export function testDatabases(): (kind: "pglite" | "postgres") => Promise<Database> {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const d of opened) await d.close();
  });
  return async (kind) => {
    const database = await openTestDatabase(kind);
    opened.push(database);
    return database;
  };
}

export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** What a database superuser could do: switch the append-only trigger off, change rows, switch it on. */
export async function tamper(db: Db, statement: SQL): Promise<void> {
  await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  }
}

export function entry(n: number, extra: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    action: "key.update",
    actor: { userId: `u${n % 3}`, email: `user${n % 3}@example.com`, role: "admin" },
    ip: "203.0.113.7",
    userAgent: "vitest",
    requestId: `req-${n}`,
    target: { serviceAccountId: "sa_1", keyId: `key_${n}`, name: `Key ${n}` },
    changes: { enabled: { before: true, after: false } },
    reason: `reason ${n}`,
    outcome: "ok",
    ...extra,
  } as AuditEntryInput;
}
