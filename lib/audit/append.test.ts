import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/lib/db/database";
import { createPostgresDatabase, DATABASE_KINDS } from "@/tests/support/databases";
import { appendAudit } from "./append";
import { beginAttempt } from "./attempt";
import { GENESIS_HASH, hashRow } from "./hash";
import { AuditSecretError } from "./secret-guard";
import { entry, selectRows, testDatabases } from "@/tests/support/audit-log";
import { verifyAuditChain } from "./verify";

const open = testDatabases();
const SECRET = `sk_${"0123456789abcdef".repeat(3)}`;

describe.each(DATABASE_KINDS)("%s", (kind) => {
  it("chains each row to the one before and verifies", async () => {
    const { db } = await open(kind);
    const a = await appendAudit(db, entry(1));
    const b = await appendAudit(
      db,
      entry(2, { outcome: "error", errorCode: "validation", upstreamStatus: 422, upstreamRequestId: "up-9" }),
    );
    const c = await appendAudit(db, entry(3));
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(c.prevHash).toBe(b.hash);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([a.hash, b.hash, c.hash]).size).toBe(3);
    expect(b).toMatchObject({
      outcome: "error",
      errorCode: "validation",
      upstreamStatus: 422,
      upstreamRequestId: "up-9",
      actorEmail: "user2@example.com",
    });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 3 });
  });

  it("stores `at` exactly as hashed (timestamptz round trip) and the hash matches what is stored", async () => {
    const { db } = await open(kind);
    await db.execute(sql`set time zone 'Asia/Kolkata'`); // a non-UTC session must not change the hash
    const row = await appendAudit(db, entry(1));
    expect(row.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Math.abs(Date.parse(row.at) - Date.now())).toBeLessThan(10_000);
    const [stored] = await selectRows<{ ms: string | number; hash: string }>(
      db,
      sql`select (extract(epoch from at) * 1000)::bigint as ms, hash from audit_log where id = ${row.id}`,
    );
    expect(Number(stored!.ms)).toBe(Date.parse(row.at));
    expect(hashRow(row)).toBe(stored!.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 1 });
  });

  it("hashes changes independently of key order (jsonb reorders keys)", async () => {
    const { db } = await open(kind);
    await appendAudit(
      db,
      entry(1, {
        changes: {
          zeta: { before: { b: 1, a: [3, { y: 1, x: 2 }] }, after: null },
          a: { before: "x", after: 1.5 },
        },
      }),
    );
    await appendAudit(db, entry(2, { changes: null }));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 2 });
  });

  it("refuses any row that contains a secret, and writes nothing", async () => {
    const { db } = await open(kind);
    await expect(appendAudit(db, entry(1, { reason: `oops ${SECRET}` }))).rejects.toBeInstanceOf(
      AuditSecretError,
    );
    await expect(
      appendAudit(
        db,
        entry(2, {
          changes: { name: { before: "a", after: { nested: [SECRET.toUpperCase().replace("SK_", "sk_")] } } },
        }),
      ),
    ).rejects.toBeInstanceOf(AuditSecretError);
    await expect(
      beginAttempt(db, { action: "key.create", userAgent: `x sk_${"a".repeat(32)}` }),
    ).rejects.toBeInstanceOf(AuditSecretError);
    const error = await appendAudit(db, entry(4, { reason: SECRET })).catch((e: Error) => e);
    expect(String((error as Error).message)).not.toContain(SECRET);
    const [count] = await selectRows<{ n: string | number }>(db, sql`select count(*) as n from audit_log`);
    expect(Number(count!.n)).toBe(0);
    // A key's hint (last 4 characters) and short sk_ strings are fine.
    await appendAudit(db, entry(5, { target: { name: "sk_…3f9a" }, reason: "sk_live_abc" }));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 1 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    const { db } = await open(kind);
    const row = await appendAudit(db, entry(1));
    await expect(db.execute(sql`update audit_log set reason = 'x' where id = ${row.id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log where id = ${row.id}`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [kept] = await selectRows<{ reason: string }>(
      db,
      sql`select reason from audit_log where id = ${row.id}`,
    );
    expect(kept!.reason).toBe("reason 1");
  });

  it("keeps one chain under concurrent appends on one instance", async () => {
    const { db } = await open(kind);
    await Promise.all(Array.from({ length: 60 }, (_, i) => appendAudit(db, entry(i))));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 60 });
  });

  if (kind === "postgres") {
    it("keeps one chain when two Keydesk instances (two pools) append to one server at once", async () => {
      const url = await createPostgresDatabase();
      const one = await openDatabase({ kind: "postgres", url });
      const two = await openDatabase({ kind: "postgres", url });
      try {
        const burst = (db: typeof one.db, who: string) =>
          Promise.all(
            Array.from({ length: 200 }, (_, i) =>
              appendAudit(db, entry(i, { actor: { email: `${who}@example.com` } })),
            ),
          );
        await Promise.all([burst(one.db, "one"), burst(two.db, "two")]);
        expect(await verifyAuditChain(one.db)).toEqual({ ok: true, rows: 400 });
        const counts = await selectRows<{ actor_email: string; n: string }>(
          one.db,
          sql`select actor_email, count(*) as n from audit_log group by actor_email order by actor_email`,
        );
        expect(counts.map((c) => [c.actor_email, Number(c.n)])).toEqual([
          ["one@example.com", 200],
          ["two@example.com", 200],
        ]);
      } finally {
        await one.close();
        await two.close();
      }
    }, 60_000);
  }
});
