// Bulk changes on PGlite (the embedded default), over real HTTP to two ElevenLabs emulators (the
// primary workspace through lib/keys, another connection through lib/connection-keys): a job run
// changes each key through the per-key audited paths and records each outcome; a key already as
// asked is left alone; a run resumed after a death does not change a key twice; a cancel leaves the
// rest alone; refusals store and send nothing. The engine is real (pg-boss on the same PGlite).
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { jobRequestId } from "@/lib/audit/job-actor";
import { cancelBulk } from "@/lib/bulk/cancel";
import { bulkChangeJob, BULK_CHANGE_JOB } from "@/lib/bulk/job";
import { runBulkChange } from "@/lib/bulk/run";
import { bulkChangeSchema } from "@/lib/bulk/schema";
import { startBulkChange } from "@/lib/bulk/start";
import { insertBulkChange, type NewBulkChange } from "@/lib/bulk/store";
import { bulkChangeDetail, listBulkChanges } from "@/lib/bulk/view";
import type { Database } from "@/lib/db/database";
import { auditLog, bulkChange, bulkChangeKey } from "@/lib/db/schema";
import type { Upstream } from "@/lib/elevenlabs/client";
import { primaryConnectionId } from "@/lib/elevenlabs/connection-id";
import type { Emulator } from "@/lib/emulator/elevenlabs/server";
import { createJobEngine, type JobEngine } from "@/lib/jobs/engine";
import { recentRuns } from "@/lib/jobs/runs";
import { testDatabases } from "@/tests/support/audit-log";
import {
  addUsers,
  ADMIN,
  bulkDeps,
  makeKeys,
  OTHER_ADMIN_KEY,
  OTHER_ID,
  setRole,
  startEmulators,
  SUPPORT,
  upstreamOf,
} from "@/tests/support/bulk-testbed";

const open = testDatabases();
let primary: Emulator;
let other: Emulator;
let upstream: Upstream;
let otherUpstream: Upstream;
let database: Database;
let engine: JobEngine;

const info = { requestId: randomUUID(), ip: "203.0.113.7", userAgent: "vitest" };
const deps = () => bulkDeps(database.db, upstream, other);

beforeAll(async () => {
  ({ primary, other } = await startEmulators());
  upstream = upstreamOf(primary);
  otherUpstream = upstreamOf(other, OTHER_ADMIN_KEY);
  database = await open("pglite");
  await addUsers(database);
  // A poll far longer than the test: a run asked for here happens only because runNow wakes the worker.
  engine = createJobEngine(database, [bulkChangeJob(async () => deps())], { pollSeconds: 600 });
  await engine.start();
});
afterAll(async () => {
  await engine?.stop(1);
  await Promise.all([primary?.close(), other?.close()]);
});
beforeEach(() => {
  primary.log.clear();
  other.log.clear();
});

const writesTo = (e: Emulator) => e.log.list().filter((r) => r.method !== "GET");

async function finished(runId: string) {
  for (let i = 0; i < 400; i++) {
    const run = (await recentRuns(database.db, [BULK_CHANGE_JOB])).find((r) => r.id === runId);
    if (run && (run.state === "completed" || run.state === "failed")) return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${runId} did not finish`);
}

const keyAudit = (keyId: string) =>
  database.db.select().from(auditLog).where(eq(auditLog.keyId, keyId)).orderBy(auditLog.id);

function newChange(action: NewBulkChange["action"], keys: NewBulkChange["keys"]): NewBulkChange {
  return { id: randomUUID(), action, reason: "bulk test", startedBy: ADMIN, ip: null, stepUp: null, keys };
}

describe("a bulk disable run by the job", () => {
  it("disables every key through the audited paths, on both kinds of connection, and leaves an already-disabled one alone", async () => {
    const mine = await makeKeys(upstream, 3, "primary");
    const theirs = await makeKeys(otherUpstream, 2, "other");
    // Someone else disabled this one after the list was read.
    await upstream.updateKey(mine.saId, mine.keyIds[2]!, { enabled: false });
    primary.log.clear();
    other.log.clear();
    const body = bulkChangeSchema.parse({
      action: "disable",
      reason: "Leaked in a support ticket",
      keys: [
        ...mine.keyIds.map((keyId) => ({
          connectionId: primaryConnectionId(),
          keyId,
          saId: mine.saId,
          expected: { enabled: true },
        })),
        ...theirs.keyIds.map((keyId) => ({ connectionId: OTHER_ID, keyId, saId: theirs.saId })),
      ],
    });
    const { id, runId } = await startBulkChange(database.db, engine, { actor: { ...SUPPORT }, info }, body);
    const run = await finished(runId);
    expect(run.state).toBe("completed");

    const detail = await bulkChangeDetail(database.db, id, SUPPORT);
    expect(detail.state).toBe("finished");
    expect(detail.keys.map((k) => k.state)).toEqual(["done", "done", "skipped", "done", "done"]);
    expect(detail.keys[2]!.message).toMatch(/Already disabled/);
    expect(detail.keys[0]!.name).toBe("primary key 0");
    expect(detail.counts).toMatchObject({ done: 4, skipped: 1, pending: 0, working: 0 });

    for (const keyId of mine.keyIds) expect((await upstream.getKey(mine.saId, keyId)).enabled).toBe(false);
    for (const keyId of theirs.keyIds)
      expect((await otherUpstream.getKey(theirs.saId, keyId)).enabled).toBe(false);
    expect(writesTo(primary)).toHaveLength(2);
    expect(writesTo(other)).toHaveLength(2);

    // Each key's row is the person's, with their reason, tied to the run.
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.requestId, jobRequestId(runId)), eq(auditLog.action, "key_disabled")));
    const attempts = rows.filter((r) => r.completes === null);
    expect(attempts).toHaveLength(4);
    for (const row of attempts) {
      expect(row.actorEmail).toBe(SUPPORT.email);
      expect(row.reason).toBe("Leaked in a support ticket");
    }
    const started = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "bulk_change_started"));
    expect(started.at(-1)!.details).toMatchObject({ bulkChangeId: id, keys: 5, action: "disable" });
    expect((await listBulkChanges(database.db, SUPPORT))[0]).toMatchObject({
      id,
      total: 5,
      canCancel: false,
    });
  });

  it("resumed after its run died, a key begun is checked, not changed twice; a delete of a gone key is done", async () => {
    const mine = await makeKeys(upstream, 3, "resume");
    // The dead run had begun key 0 and its write reached ElevenLabs; key 1 it had begun and not sent.
    await upstream.updateKey(mine.saId, mine.keyIds[0]!, { enabled: false });
    const change = newChange(
      "disable",
      mine.keyIds.map((keyId) => ({
        connectionId: primaryConnectionId(),
        keyId,
        groupId: mine.saId,
        name: null,
        expectedEnabled: true,
      })),
    );
    await insertBulkChange(database.db, change);
    await database.db
      .update(bulkChangeKey)
      .set({ state: "working" })
      .where(and(eq(bulkChangeKey.bulkChangeId, change.id), eq(bulkChangeKey.position, 0)));
    await database.db
      .update(bulkChangeKey)
      .set({ state: "working" })
      .where(and(eq(bulkChangeKey.bulkChangeId, change.id), eq(bulkChangeKey.position, 1)));
    primary.log.clear();

    const summary = await runBulkChange(
      deps(),
      { id: "run-resume", bulkChangeId: change.id },
      { leaseSeconds: 60 },
    );
    expect(summary).toMatchObject({ done: 3, skipped: 0, failed: 0 });
    const detail = await bulkChangeDetail(database.db, change.id, ADMIN);
    expect(detail.keys[0]!.message).toMatch(/already disabled on resuming/);
    // Key 0 was not written again, nor audited again; keys 1 and 2 were written once each.
    expect(writesTo(primary).map((w) => w.path)).toEqual([
      expect.stringContaining(mine.keyIds[1]!),
      expect.stringContaining(mine.keyIds[2]!),
    ]);
    expect(await keyAudit(mine.keyIds[0]!)).toHaveLength(0);

    // Delete: a key begun and already gone is done; one not begun and gone is skipped.
    const del = newChange(
      "delete",
      mine.keyIds.map((keyId) => ({
        connectionId: primaryConnectionId(),
        keyId,
        groupId: mine.saId,
        name: null,
        expectedEnabled: null,
      })),
    );
    await insertBulkChange(database.db, del);
    await upstream.deleteKey(mine.saId, mine.keyIds[0]!);
    await upstream.deleteKey(mine.saId, mine.keyIds[1]!);
    await database.db
      .update(bulkChangeKey)
      .set({ state: "working" })
      .where(and(eq(bulkChangeKey.bulkChangeId, del.id), eq(bulkChangeKey.position, 0)));
    await runBulkChange(deps(), { id: "run-delete", bulkChangeId: del.id }, { leaseSeconds: 60 });
    const deleted = await bulkChangeDetail(database.db, del.id, ADMIN);
    expect(deleted.keys.map((k) => k.state)).toEqual(["done", "skipped", "done"]);
    expect((await upstream.listKeys(mine.saId)).map((k) => k.id)).toEqual([]);
  });

  it("a second run beside one holding the lease waits, and does nothing when the holder finishes", async () => {
    const mine = await makeKeys(upstream, 1, "lease");
    const change = newChange("disable", [
      {
        connectionId: primaryConnectionId(),
        keyId: mine.keyIds[0]!,
        groupId: mine.saId,
        name: null,
        expectedEnabled: true,
      },
    ]);
    await insertBulkChange(database.db, change);
    await database.db
      .update(bulkChange)
      .set({ runId: "live-run", leaseUntil: new Date(Date.now() + 600_000).toISOString() })
      .where(eq(bulkChange.id, change.id));
    primary.log.clear();
    let ended = false;
    const late = runBulkChange(
      deps(),
      { id: "late-run", bulkChangeId: change.id },
      { leaseSeconds: 60, waitMs: 50 },
    ).finally(() => (ended = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(ended).toBe(false);
    // The holder finishes the change.
    await database.db
      .update(bulkChange)
      .set({ state: "finished", finishedAt: new Date().toISOString() })
      .where(eq(bulkChange.id, change.id));
    expect(await late).toMatchObject({ keys: 0 });
    expect(writesTo(primary)).toEqual([]);
  });
});

describe("cancelling", () => {
  it("marks the keys not yet begun cancelled, sends nothing for them, and is audited; only the starter or an admin", async () => {
    const mine = await makeKeys(upstream, 3, "cancel");
    const change = { ...newChange("disable", []), startedBy: SUPPORT };
    change.keys = mine.keyIds.map((keyId) => ({
      connectionId: primaryConnectionId(),
      keyId,
      groupId: mine.saId,
      name: null,
      expectedEnabled: true,
    }));
    await insertBulkChange(database.db, change);
    const otherSupport = { ...SUPPORT, id: "u_someone_else", email: "someone@example.com" };
    await expect(cancelBulk(database.db, { actor: otherSupport, info }, change.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await cancelBulk(database.db, { actor: ADMIN, info }, change.id)).toEqual({ cancelledKeys: 3 });
    await expect(cancelBulk(database.db, { actor: ADMIN, info }, change.id)).rejects.toMatchObject({
      code: "conflict",
    });
    primary.log.clear();
    await runBulkChange(deps(), { id: "run-cancelled", bulkChangeId: change.id }, { leaseSeconds: 60 });
    expect(writesTo(primary)).toEqual([]);
    const detail = await bulkChangeDetail(database.db, change.id, SUPPORT);
    expect(detail).toMatchObject({ state: "cancelled", cancelledBy: ADMIN.email, canCancel: false });
    expect(detail.keys.every((k) => k.state === "cancelled")).toBe(true);
    const [row] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "bulk_change_cancelled"), like(auditLog.actorEmail, ADMIN.email)));
    expect(row!.details).toMatchObject({ bulkChangeId: change.id, cancelledKeys: 3 });
  });
});

describe("refusals store and send nothing", () => {
  const oneKey = (saId = "sa") => [{ connectionId: primaryConnectionId(), keyId: "k1", saId }];

  it("support may not delete, nor switch keys without a reason; a key of the primary needs its service account", async () => {
    const before = await database.db.select().from(bulkChange);
    const attempt = (actor: typeof ADMIN | typeof SUPPORT, body: unknown) =>
      startBulkChange(database.db, engine, { actor: { ...actor }, info }, bulkChangeSchema.parse(body));
    await expect(attempt(SUPPORT, { action: "delete", reason: "x", keys: oneKey() })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(attempt(SUPPORT, { action: "disable", keys: oneKey() })).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringMatching(/^reason:/),
    });
    await expect(
      attempt(ADMIN, { action: "disable", keys: [{ connectionId: primaryConnectionId(), keyId: "k1" }] }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^keys\.0\.saId:/) });
    expect(await database.db.select().from(bulkChange)).toHaveLength(before.length);
    expect(writesTo(primary)).toEqual([]);
  });

  it("the schema: at most 500 keys, no repeats, no unknown action, no NUL, no secret in a name", () => {
    const key = (i: number) => ({ connectionId: "c", keyId: `k${i}`, saId: "sa" });
    const issues = (body: unknown) => {
      const r = bulkChangeSchema.safeParse(body);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(issues({ action: "disable", keys: Array.from({ length: 500 }, (_, i) => key(i)) })).toEqual([]);
    expect(issues({ action: "disable", keys: Array.from({ length: 501 }, (_, i) => key(i)) })).toEqual([
      "keys: At most 500 keys at once",
    ]);
    expect(issues({ action: "disable", keys: [] })).toEqual(["keys: Choose at least one key"]);
    expect(issues({ action: "disable", keys: [key(1), key(1)] })).toEqual(["keys.1: The same key as keys.0"]);
    expect(issues({ action: "rotate", keys: [key(1)] })[0]).toMatch(/^action:/);
    expect(issues({ action: "disable", keys: [{ ...key(1), keyId: "a\u0000b" }] })[0]).toMatch(
      /^keys\.0\.keyId:/,
    );
    expect(issues({ action: "disable", keys: [{ ...key(1), keyId: "../x" }] })[0]).toMatch(
      /^keys\.0\.keyId:/,
    );
    expect(issues({ action: "disable", keys: [{ ...key(1), name: "sk_" + "a".repeat(48) }] })[0]).toMatch(
      /^keys\.0\.name:/,
    );
    expect(issues({ action: "disable", keys: "all" })[0]).toMatch(/^keys:/);
    expect(issues({ action: "disable", keys: [key(1)], extra: 1 })[0]).toMatch(/extra|Unrecognized/);
  });

  it("a person no longer allowed when the job runs: every key fails with why, nothing is sent", async () => {
    const mine = await makeKeys(upstream, 2, "demoted");
    const change = { ...newChange("disable", []), startedBy: SUPPORT };
    change.keys = mine.keyIds.map((keyId) => ({
      connectionId: primaryConnectionId(),
      keyId,
      groupId: mine.saId,
      name: null,
      expectedEnabled: true,
    }));
    await insertBulkChange(database.db, change);
    await setRole(database.db, SUPPORT.id, "reviewer");
    primary.log.clear();
    try {
      await runBulkChange(deps(), { id: "run-demoted", bulkChangeId: change.id }, { leaseSeconds: 60 });
    } finally {
      await setRole(database.db, SUPPORT.id, "support");
    }
    expect(writesTo(primary)).toEqual([]);
    const detail = await bulkChangeDetail(database.db, change.id, ADMIN);
    expect(detail.state).toBe("finished");
    expect(detail.keys.map((k) => [k.state, k.message])).toEqual([
      ["failed", expect.stringMatching(/now reviewer/)],
      ["failed", expect.stringMatching(/now reviewer/)],
    ]);
  });
});

describe("the engine", () => {
  it("refuses a hand run of a job that needs data", async () => {
    await expect(engine.runNow(BULK_CHANGE_JOB, "an admin")).rejects.toMatchObject({ code: "conflict" });
  });
});
