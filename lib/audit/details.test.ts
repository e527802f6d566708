// The `details` column (migration 0007) joined the chain without changing any earlier row's hash.
import { describe, expect, it } from "vitest";
import { appendAudit } from "./append";
import { canonicalRow, hashRow, type HashableRow } from "./hash";
import { entry, testDatabases, tamper } from "@/tests/support/audit-log";
import { verifyAuditChain } from "./verify";
import { sql } from "drizzle-orm";

const open = testDatabases();

const base = {
  at: "2026-11-29T22:00:00.000Z",
  requestId: "r",
  actorUserId: "u",
  actorEmail: "a@example.com",
  actorRole: "admin",
  ip: null,
  userAgent: null,
  action: "key_deleted",
  serviceAccountId: "sa",
  keyId: "k",
  targetName: "n",
  targetUserId: null,
  changes: null,
  reason: null,
  outcome: "ok",
  errorCode: null,
  upstreamStatus: null,
  upstreamRequestId: null,
  completes: null,
  prevHash: "0".repeat(64),
  connectionId: null,
} as const;

describe("audit details", () => {
  it("leaves a row without details hashed exactly as before the column existed", () => {
    const row = { ...base, details: null } as HashableRow;
    expect(canonicalRow(row)).not.toContain("details");
    // The hash of this content, as computed before migration 0007.
    expect(hashRow(row)).toBe(hashRow({ ...base } as unknown as HashableRow));
  });

  it("hashes details when set, so editing them breaks the chain", async () => {
    const row = { ...base, details: { steppedUp: true } } as HashableRow;
    expect(hashRow(row)).not.toBe(hashRow({ ...base, details: null } as HashableRow));
    const { db } = await open("pglite");
    const written = await appendAudit(db, {
      ...entry(1),
      details: { steppedUp: true, verifiedAt: "2026-11-29T21:59:00.000Z" },
    });
    expect(written.details).toEqual({ steppedUp: true, verifiedAt: "2026-11-29T21:59:00.000Z" });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 1 });
    await tamper(db, sql`update audit_log set details = '{"steppedUp": false}'::jsonb`);
    expect((await verifyAuditChain(db)).ok).toBe(false);
  });

  it("hashes a row's connection id only when set (migration 0010), so older rows keep their hashes", async () => {
    const row = { ...base, details: null } as HashableRow;
    expect(canonicalRow(row)).not.toContain("connection_id");
    const withConnection = { ...row, connectionId: "conn_1" } as HashableRow;
    expect(hashRow(withConnection)).not.toBe(hashRow(row));
    const { db } = await open("pglite");
    const first = entry(1);
    const written = await appendAudit(db, { ...first, target: { ...first.target, connectionId: "conn_1" } });
    expect(written.connectionId).toBe("conn_1");
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 1 });
    await tamper(db, sql`update audit_log set connection_id = 'conn_2'`);
    expect((await verifyAuditChain(db)).ok).toBe(false);
  });
});
