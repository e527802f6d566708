import { describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { UpstreamError } from "@/lib/elevenlabs/errors";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { appendAudit } from "./append";
import { AuditAttemptError, audited, beginAttempt, completeAttempt, completeAttemptIn } from "./attempt";
import { queryAudit } from "./query";
import { AuditSecretError } from "./secret-guard";
import { selectRows, testDatabases } from "@/tests/support/audit-log";
import type { AuditEvent } from "./types";
import { verifyAuditChain } from "./verify";

const open = testDatabases();

const event: AuditEvent = {
  action: "key.update",
  actor: { userId: "u1", email: "ada@example.com", role: "editor" },
  ip: "198.51.100.4",
  userAgent: "Firefox",
  requestId: "kd-req-1",
  target: { serviceAccountId: "sa_9", keyId: "key_9", name: "Prod key" },
  changes: { characterLimit: { before: 1000, after: 2000 } },
  reason: "quota raise",
};

describe.each(DATABASE_KINDS)("%s", (kind) => {
  it("shows an attempt that was never completed as outcome unknown", async () => {
    const { db } = await open(kind);
    const attempt = await beginAttempt(db, event);
    expect(attempt.outcome).toBe("pending");
    const { entries } = await queryAudit(db);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: attempt.id,
      outcome: "unknown",
      completionId: null,
      completedAt: null,
      reason: "quota raise",
    });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 1 });
  });

  it("completes an attempt with a second row, never an update, and shows the two as one entry", async () => {
    const { db } = await open(kind);
    const attempt = await beginAttempt(db, event);
    const done = await completeAttempt(db, attempt.id, {
      outcome: "error",
      errorCode: "rate_limited",
      upstreamStatus: 429,
      upstreamRequestId: "el-77",
    });
    expect(done).toMatchObject({
      completes: attempt.id,
      outcome: "error",
      actorEmail: "ada@example.com",
      keyId: "key_9",
      targetName: "Prod key",
      requestId: "kd-req-1",
    });
    const stored = await selectRows<{ id: number; outcome: string }>(
      db,
      sql`select id, outcome from audit_log order by id`,
    );
    expect(stored.map((r) => r.outcome)).toEqual(["pending", "error"]);
    const { entries } = await queryAudit(db);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: attempt.id,
      outcome: "error",
      errorCode: "rate_limited",
      upstreamStatus: 429,
      upstreamRequestId: "el-77",
      completionId: done.id,
      completedAt: done.at,
      changes: { characterLimit: { before: 1000, after: 2000 } },
    });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 2 });
  });

  it("refuses to complete twice, or to complete a row that is not an attempt", async () => {
    const { db } = await open(kind);
    const attempt = await beginAttempt(db, event);
    await completeAttempt(db, attempt.id, { outcome: "ok" });
    await expect(completeAttempt(db, attempt.id, { outcome: "ok" })).rejects.toBeInstanceOf(
      AuditAttemptError,
    );
    const plain = await appendAudit(db, { action: "auth.sign_in", outcome: "ok" });
    await expect(completeAttempt(db, plain.id, { outcome: "ok" })).rejects.toBeInstanceOf(AuditAttemptError);
    await expect(completeAttempt(db, 999_999, { outcome: "ok" })).rejects.toBeInstanceOf(AuditAttemptError);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 3 });
  });

  it("appends the events that follow a completion with it, in order, inside the caller's transaction", async () => {
    const { db } = await open(kind);
    const attempt = await beginAttempt(db, event);
    const reveal = { ...event, action: "key.reveal", changes: null, reason: null, outcome: "ok" as const };
    await db.transaction(async (tx) => {
      await completeAttemptIn(tx, attempt, { outcome: "ok" }, [reveal]);
    });
    const stored = await selectRows<{
      id: number;
      action: string;
      outcome: string;
      completes: number | null;
    }>(db, sql`select id, action, outcome, completes from audit_log order by id`);
    expect(
      stored.map((r) => [r.action, r.outcome, r.completes === null ? null : Number(r.completes)]),
    ).toEqual([
      ["key.update", "pending", null],
      ["key.update", "ok", attempt.id],
      ["key.reveal", "ok", null],
    ]);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 3 });
  });

  it("completes inside the caller's transaction with the same row as on its own, odd text included", async () => {
    const { db } = await open(kind);
    const odd = { ...event, target: { ...event.target, name: "nul\u0000 and lone \ud800 surrogate" } };
    const alone = await beginAttempt(db, odd);
    const inTx = await beginAttempt(db, odd);
    await completeAttempt(db, alone.id, { outcome: "ok" });
    await db.transaction((tx) => completeAttemptIn(tx, inTx, { outcome: "ok" }));
    const rows = await selectRows<Record<string, unknown>>(
      db,
      sql`select * from audit_log where completes is not null order by id`,
    );
    const comparable = (row: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(row).filter(
          ([column]) => !["id", "at", "completes", "prev_hash", "hash"].includes(column),
        ),
      );
    expect(rows).toHaveLength(2);
    expect(comparable(rows[1]!)).toEqual(comparable(rows[0]!));
    expect(rows.map((r) => Number(r.completes))).toEqual([alone.id, inTx.id]);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 4 });
    await expect(
      db.transaction((tx) => completeAttemptIn(tx, rows[0] as never, { outcome: "ok" })),
    ).rejects.toBeInstanceOf(AuditAttemptError);
  });

  it("writes neither the completion nor what follows it when a following event holds a secret", async () => {
    const { db } = await open(kind);
    const attempt = await beginAttempt(db, event);
    const leaky = { action: "key.reveal", reason: `sk_${"ab".repeat(24)}`, outcome: "ok" as const };
    await expect(
      db.transaction((tx) => completeAttemptIn(tx, attempt, { outcome: "ok" }, [leaky])),
    ).rejects.toBeInstanceOf(AuditSecretError);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 1 });
  });

  it("audited: records ok and returns the work's result", async () => {
    const { db } = await open(kind);
    let seenAttempt = 0;
    const result = await audited(db, event, async (attempt) => {
      seenAttempt = attempt.id;
      const [row] = await selectRows<{ outcome: string }>(
        db,
        sql`select outcome from audit_log where id = ${attempt.id}`,
      );
      expect(row!.outcome).toBe("pending"); // written before the work ran
      return "done";
    });
    expect(result).toBe("done");
    const { entries } = await queryAudit(db);
    expect(entries).toEqual([expect.objectContaining({ id: seenAttempt, outcome: "ok", errorCode: null })]);
  });

  it("audited: records an upstream error's code, status and request id, and rethrows it", async () => {
    const { db } = await open(kind);
    const failure = new UpstreamError({
      kind: "unavailable",
      message: "down",
      upstreamStatus: 503,
      requestId: "el-req-5",
    });
    await expect(audited(db, event, async () => Promise.reject(failure))).rejects.toBe(failure);
    const bug = new TypeError("bug");
    await expect(
      audited(db, { ...event, action: "key.delete" }, async () => Promise.reject(bug)),
    ).rejects.toBe(bug);
    const { entries } = await queryAudit(db);
    expect(
      entries.map((e) => [e.action, e.outcome, e.errorCode, e.upstreamStatus, e.upstreamRequestId]),
    ).toEqual([
      ["key.delete", "error", "internal", null, null],
      ["key.update", "error", "unavailable", 503, "el-req-5"],
    ]);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 4 });
  });

  it("audited: does not run the work when the attempt cannot be written", async () => {
    const { db } = await open(kind);
    const work = vi.fn(async () => "never");
    await expect(audited(db, { ...event, reason: `sk_${"ab".repeat(24)}` }, work)).rejects.toBeInstanceOf(
      AuditSecretError,
    );
    expect(work).not.toHaveBeenCalled();
  });
});
