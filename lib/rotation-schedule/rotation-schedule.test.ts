// Scheduled rotation finishes on the primary workspace: the emulator over real HTTP, a real PGlite,
// and a test clock (the run's `now`), so "nothing before T+24h" is checked without waiting.
import { desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { onAlert, type AlertEvent } from "@/lib/alerts/events";
import { auditLog, rotationFinish } from "@/lib/db/schema";
import { createKey, deleteKey, rotateKey } from "@/lib/keys";
import { ctxAs, everythingStored, failure, inject, keyTestbed, writes } from "@/tests/support/key-testbed";
import { MAX_TRIES, runDueSteps } from "./run";
import { cancelFinish, finishScheduleOf, scheduleFinish } from "./schedule";
import { finishScheduleSchema } from "./schema";
import { PRIMARY, primaryTarget } from "./targets";

const bed = keyTestbed();
const T = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(T.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let unsubscribe: (() => void) | null = null;
afterEach(() => unsubscribe?.());

/** A key and its rotation: the old key (to finish) and the new one. */
async function aRotation() {
  const { key: old } = await createKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, {
    name: "billing-sync",
    permissions: ["user_read"],
  });
  const { key: replacement, secret } = await rotateKey(
    bed.deps,
    ctxAs("admin"),
    bed.serviceAccountId,
    old.id,
  );
  bed.emulator.log.clear();
  return { old, replacement, secret, target: primaryTarget(bed.deps, bed.serviceAccountId, old.id) };
}

/** runDueSteps with each row's own target. */
const runAt = (now: Date) =>
  runDueSteps(bed.database.db, async (row) => primaryTarget(bed.deps, row.groupId!, row.keyId), {
    id: `run-${now.getTime()}`,
    now,
  });

const upstreamKey = async (keyId: string) =>
  (await bed.deps.upstream.listKeys(bed.serviceAccountId)).find((k) => k.id === keyId);

const jobRows = (runAtMs: Date) =>
  bed.database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.requestId, `job:run-${runAtMs.getTime()}`))
    .orderBy(auditLog.id);

describe("a scheduled rotation finish", () => {
  it("disables the old key at T+24h and deletes it at T+7d, nothing before, nothing twice", async () => {
    const { old, replacement, secret, target } = await aRotation();
    const admin = ctxAs("admin");
    const schedule = await scheduleFinish(
      bed.database.db,
      target,
      admin,
      { disableInHours: 24, deleteInDays: 7 },
      T,
    );
    expect(schedule).toMatchObject({
      keyId: old.id,
      newKeyId: replacement.id,
      disable: { at: at(DAY).toISOString(), state: "pending" },
      delete: { at: at(7 * DAY).toISOString(), state: "pending" },
      scheduledByEmail: "admin@example.com",
    });
    // Both keys of the pair find it.
    expect(
      (await finishScheduleOf(bed.database.db, { connectionId: PRIMARY, keyId: replacement.id }))?.id,
    ).toBe(schedule.id);
    const [scheduled] = await bed.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, admin.info.requestId));
    expect(scheduled).toMatchObject({
      action: "rotation_finish_scheduled",
      actorEmail: "admin@example.com",
      keyId: old.id,
      outcome: "ok",
    });
    expect(scheduled!.changes).toMatchObject({ disableAt: { before: null, after: at(DAY).toISOString() } });

    // Nothing is due a minute before.
    expect(await runAt(at(DAY - MIN))).toMatchObject({ due: 0, disabled: 0 });
    expect(writes(bed)).toEqual([]);
    expect((await upstreamKey(old.id))?.enabled).toBe(true);

    // At T+24h: disabled, through lib/keys, signed by the job on behalf of the admin.
    expect(await runAt(at(DAY))).toMatchObject({ due: 1, disabled: 1, deleted: 0 });
    expect(writes(bed).map((r) => r.method)).toEqual(["PATCH"]);
    expect((await upstreamKey(old.id))?.enabled).toBe(false);
    const disabledRows = await jobRows(at(DAY));
    expect(disabledRows.map((r) => [r.action, r.outcome, r.keyId])).toEqual([
      ["key_disabled", "pending", old.id],
      ["key_disabled", "ok", old.id],
    ]);
    expect(disabledRows[1]).toMatchObject({
      actorEmail: "Keydesk (rotation-deadlines job), on behalf of admin@example.com",
      actorRole: "job",
    });
    // Disabling the old key finished the rotation, as a person's finish does.
    expect((await upstreamKey(replacement.id))?.enabled).toBe(true);
    const pairs = await bed.deps.upstream.listKeys(bed.serviceAccountId);
    expect(pairs).toHaveLength(2);

    // Not twice: a minute later, and the same period run again (a retry), write nothing.
    bed.emulator.log.clear();
    expect(await runAt(at(DAY + MIN))).toMatchObject({ due: 0 });
    expect(await runAt(at(DAY))).toMatchObject({ due: 0 });
    expect(writes(bed)).toEqual([]);

    // The delete waits for T+7d.
    expect(await runAt(at(7 * DAY - MIN))).toMatchObject({ due: 0 });
    expect(await runAt(at(7 * DAY))).toMatchObject({ due: 1, deleted: 1 });
    expect(writes(bed).map((r) => r.method)).toEqual(["DELETE"]);
    expect(await upstreamKey(old.id)).toBeUndefined();
    expect(await upstreamKey(replacement.id)).toBeDefined();
    bed.emulator.log.clear();
    expect(await runAt(at(8 * DAY))).toMatchObject({ due: 0 });
    expect(writes(bed)).toEqual([]);

    const done = await finishScheduleOf(bed.database.db, { connectionId: PRIMARY, keyId: old.id });
    expect(done).toMatchObject({
      disable: { state: "done", note: "disabled by Keydesk" },
      delete: { state: "done", note: "deleted by Keydesk" },
    });
    expect(done?.closedAt).not.toBeNull();
    expect(await everythingStored(bed)).not.toContain(secret);
    expect(JSON.stringify(await bed.database.db.select().from(rotationFinish))).not.toContain(secret);
  });

  it("records a key disabled or deleted outside as a step done, and writes nothing", async () => {
    const { old, target } = await aRotation();
    await scheduleFinish(bed.database.db, target, ctxAs("admin"), { disableInHours: 24, deleteInDays: 7 }, T);
    // Someone disables it in ElevenLabs itself.
    await bed.deps.upstream.updateKey(bed.serviceAccountId, old.id, { enabled: false });
    bed.emulator.log.clear();
    expect(await runAt(at(DAY))).toMatchObject({ due: 1, disabled: 0, alreadyDone: 1 });
    expect(writes(bed)).toEqual([]);
    expect(
      (await finishScheduleOf(bed.database.db, { connectionId: PRIMARY, keyId: old.id }))?.disable,
    ).toMatchObject({
      state: "done",
      note: "already disabled outside this schedule",
    });
    // …and then deletes it there too.
    await bed.deps.upstream.deleteKey(bed.serviceAccountId, old.id);
    bed.emulator.log.clear();
    expect(await runAt(at(7 * DAY))).toMatchObject({ due: 1, deleted: 0, alreadyDone: 1 });
    expect(writes(bed)).toEqual([]);
    const done = await finishScheduleOf(bed.database.db, { connectionId: PRIMARY, keyId: old.id });
    expect(done?.delete).toMatchObject({
      state: "done",
      note: "already gone: deleted outside this schedule",
    });
    expect(done?.closedAt).not.toBeNull();
  });

  it("leaves the old key working when the rotation was abandoned (its replacement deleted)", async () => {
    const { old, replacement, target } = await aRotation();
    await scheduleFinish(bed.database.db, target, ctxAs("admin"), { disableInHours: 24 }, T);
    await deleteKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, replacement.id);
    bed.emulator.log.clear();
    expect(await runAt(at(DAY))).toMatchObject({ due: 1, disabled: 0, skipped: 1 });
    expect(writes(bed)).toEqual([]);
    expect((await upstreamKey(old.id))?.enabled).toBe(true);
    expect(
      (await finishScheduleOf(bed.database.db, { connectionId: PRIMARY, keyId: old.id }))?.disable?.state,
    ).toBe("skipped");
  });

  it("tries a failing step again each run, then marks it failed and alerts", async () => {
    const { old, target } = await aRotation();
    await scheduleFinish(bed.database.db, target, ctxAs("admin"), { disableInHours: 24 }, T);
    const alerts: AlertEvent[] = [];
    unsubscribe = onAlert((e) => void alerts.push(e));
    inject(
      bed,
      "PATCH",
      `/v1/service-accounts/${bed.serviceAccountId}/api-keys/${old.id}`,
      {
        kind: "status",
        status: 400,
      },
      MAX_TRIES,
    );
    for (let i = 0; i < MAX_TRIES - 1; i++)
      expect(await runAt(at(DAY + i * MIN))).toMatchObject({ due: 1, retrying: 1 });
    const waiting = await finishScheduleOf(bed.database.db, { connectionId: PRIMARY, keyId: old.id });
    expect(waiting).toMatchObject({ tries: MAX_TRIES - 1, disable: { state: "pending" } });
    expect(waiting?.lastError).toBeTruthy();
    expect(alerts).toEqual([]);
    expect(await runAt(at(DAY + MAX_TRIES * MIN))).toMatchObject({ due: 1, failed: 1 });
    expect(
      (await finishScheduleOf(bed.database.db, { connectionId: PRIMARY, keyId: old.id }))?.disable?.state,
    ).toBe("failed");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: "job_failing", target: { keyId: old.id } });
    expect((await upstreamKey(old.id))?.enabled).toBe(true);
    // Failed is final: no more tries.
    expect(await runAt(at(2 * DAY))).toMatchObject({ due: 0 });
  });

  it("can be changed and cancelled, each audited; a cancelled one never runs", async () => {
    const { old, target } = await aRotation();
    await scheduleFinish(bed.database.db, target, ctxAs("admin"), { disableInHours: 24 }, T);
    const changed = await scheduleFinish(
      bed.database.db,
      target,
      ctxAs("admin"),
      { deleteInDays: 7 },
      at(HOUR),
    );
    expect(changed.disable).toBeNull();
    expect(changed.delete).toMatchObject({ at: at(HOUR + 7 * DAY).toISOString(), state: "pending" });
    expect(
      await bed.database.db.select().from(rotationFinish).where(eq(rotationFinish.keyId, old.id)),
    ).toHaveLength(1);
    const cancelCtx = ctxAs("admin");
    await cancelFinish(bed.database.db, target, cancelCtx, at(2 * HOUR));
    expect(await finishScheduleOf(bed.database.db, { connectionId: PRIMARY, keyId: old.id })).toBeNull();
    expect(await runAt(at(30 * DAY))).toMatchObject({ due: 0 });
    expect((await upstreamKey(old.id))?.enabled).toBe(true);
    const actions = (await bed.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(3)).map(
      (r) => r.action,
    );
    expect(actions).toEqual([
      "rotation_finish_cancelled",
      "rotation_finish_scheduled",
      "rotation_finish_scheduled",
    ]);
    expect((await failure(cancelFinish(bed.database.db, target, cancelCtx))).code).toBe("not_found");
    // A new schedule may follow the cancelled one.
    await scheduleFinish(bed.database.db, target, ctxAs("admin"), { disableInHours: 1 }, at(3 * HOUR));
  });

  it("is only for the old key of an open rotation", async () => {
    const { replacement } = await aRotation();
    const { key: lone } = await createKey(bed.deps, ctxAs("admin"), bed.serviceAccountId, {
      name: "lone",
      permissions: ["user_read"],
    });
    for (const keyId of [replacement.id, lone.id]) {
      const error = await failure(
        scheduleFinish(
          bed.database.db,
          primaryTarget(bed.deps, bed.serviceAccountId, keyId),
          ctxAs("admin"),
          {
            disableInHours: 24,
          },
        ),
      );
      expect(error.code).toBe("conflict");
    }
    const gone = await failure(
      scheduleFinish(bed.database.db, primaryTarget(bed.deps, bed.serviceAccountId, "nope"), ctxAs("admin"), {
        disableInHours: 24,
      }),
    );
    expect(gone.code).toBe("not_found");
    const keyIds = [replacement.id, lone.id, "nope"];
    const rows = await bed.database.db.select().from(rotationFinish);
    expect(rows.filter((r) => keyIds.includes(r.keyId))).toEqual([]);
  });
});

describe("finishScheduleSchema", () => {
  const issues = (body: unknown) => {
    const parsed = finishScheduleSchema.safeParse(body);
    return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
  };
  it("takes either or both, in whole hours and days", () => {
    expect(issues({ disableInHours: 24 })).toEqual([]);
    expect(issues({ deleteInDays: 7 })).toEqual([]);
    expect(issues({ disableInHours: 24, deleteInDays: 7 })).toEqual([]);
    expect(issues({ disableInHours: 24, deleteInDays: null })).toEqual([]);
  });
  it("refuses nothing, wrong types, fractions, out of range, extra fields, delete before disable", () => {
    expect(issues({})[0]?.[0]).toBe("disableInHours");
    expect(issues({ disableInHours: null, deleteInDays: null })[0]?.[0]).toBe("disableInHours");
    expect(issues({ disableInHours: "24" })[0]?.[0]).toBe("disableInHours");
    expect(issues({ disableInHours: 1.5 })[0]?.[0]).toBe("disableInHours");
    expect(issues({ disableInHours: 0 })[0]?.[0]).toBe("disableInHours");
    expect(issues({ disableInHours: 1e9 })[0]?.[0]).toBe("disableInHours");
    expect(issues({ deleteInDays: -1 })[0]?.[0]).toBe("deleteInDays");
    expect(issues({ deleteInDays: 366 })[0]?.[0]).toBe("deleteInDays");
    expect(issues({ disableInHours: 72, deleteInDays: 2 })).toEqual([
      ["deleteInDays", "Delete it no earlier than it is disabled."],
    ]);
    expect(issues({ disableInHours: 24, extra: 1 }).length).toBeGreaterThan(0);
    expect(issues(null).length).toBeGreaterThan(0);
  });
});
