import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { appendAudit, normaliseRow } from "./append";
import { hashRow } from "./hash";
import { seedAudit } from "./seed";
import { entry, tamper, testDatabases } from "@/tests/support/audit-log";
import type { AuditRow } from "./types";
import { verifyAuditChain } from "./verify";

const open = testDatabases();

async function tenRows(kind: "pglite" | "postgres") {
  const database = await open(kind);
  const rows = await seedAudit(
    database.db,
    Array.from({ length: 10 }, (_, i) => entry(i)),
  );
  expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 10 });
  return { db: database.db, ids: rows.map((r) => r.id) };
}

describe.each(DATABASE_KINDS)("%s", (kind) => {
  it("verifies an empty log", async () => {
    const { db } = await open(kind);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 0 });
  });

  it("names a row edited in place as altered (across batch boundaries too)", async () => {
    const { db, ids } = await tenRows(kind);
    await tamper(db, sql`update audit_log set reason = 'nothing to see' where id = ${ids[6]}`);
    const expected = { ok: false, problem: "altered", firstBadId: ids[6], lastGoodId: ids[5], rows: 7 };
    expect(await verifyAuditChain(db)).toEqual(expected);
    expect(await verifyAuditChain(db, { batchSize: 3 })).toEqual(expected);
  });

  it("notices an edit of any column, including the time and the outcome", async () => {
    const { db, ids } = await tenRows(kind);
    await tamper(db, sql`update audit_log set at = at + interval '1 millisecond' where id = ${ids[2]}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, problem: "altered", firstBadId: ids[2] });
  });

  it("names an edited row whose hash was recomputed, through the next row's broken link", async () => {
    const { db, ids } = await tenRows(kind);
    const [row] = (await db.select().from(auditLog).where(eq(auditLog.id, ids[3]!))).map(normaliseRow);
    const forged: AuditRow = { ...row!, outcome: "error", errorCode: "forged" };
    await tamper(
      db,
      sql`update audit_log set outcome = 'error', error_code = 'forged', hash = ${hashRow(forged)} where id = ${ids[3]}`,
    );
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      problem: "altered",
      firstBadId: ids[3],
      lastGoodId: ids[2],
      rows: 5,
    });
  });

  it("names a removed middle row as removed, between the rows around the gap", async () => {
    const { db, ids } = await tenRows(kind);
    await tamper(db, sql`delete from audit_log where id = ${ids[4]}`);
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      problem: "removed",
      firstBadId: ids[5],
      lastGoodId: ids[3],
      rows: 5,
    });
    expect(await verifyAuditChain(db, { batchSize: 4 })).toEqual({
      ok: false,
      problem: "removed",
      firstBadId: ids[5],
      lastGoodId: ids[3],
      rows: 5,
    });
  });

  it("names removed first rows as removed", async () => {
    const { db, ids } = await tenRows(kind);
    await tamper(db, sql`delete from audit_log where id in (${ids[0]}, ${ids[1]})`);
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      problem: "removed",
      firstBadId: ids[2],
      lastGoodId: null,
      rows: 1,
    });
  });

  it("keeps verifying rows appended after a seed", async () => {
    const { db } = await tenRows(kind);
    await appendAudit(db, entry(11));
    expect(await verifyAuditChain(db, { batchSize: 4 })).toEqual({ ok: true, rows: 11 });
  });
});
