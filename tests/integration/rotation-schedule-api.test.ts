// The rotation-finish schedule over real route handlers, demo mode, PGlite in a temporary folder
// and real sign-ins: only admins set and cancel it (support and reviewers read it, a 403 otherwise,
// nothing stored); bad bodies are a 422 naming the field; the job, run with a test clock, finishes
// the primary workspace's rotation and deletes another connection's key, signed by the job on
// behalf of the admin.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoHandlers, handlerParams, handlerRequest, signInDemo } from "@/tests/support/demo-handlers";

demoHandlers("keydesk-rotation-schedule-api-");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function theJob() {
  const { runDueSteps, targetOfRow } = await import("@/lib/rotation-schedule");
  const { processKeyDeps } = await import("@/lib/rotation-schedule/process-key-deps");
  const { processConnectionDeps } = await import("@/lib/jobs/process-deps");
  const { getDatabase } = await import("@/lib/db");
  const { db } = await getDatabase();
  const targetOf = targetOfRow({ keys: processKeyDeps, connections: processConnectionDeps });
  return { db, run: (id: string, now: Date) => runDueSteps(db, targetOf, { id, now }) };
}

describe("the rotation schedule API", { timeout: 240_000 }, () => {
  it("primary workspace: admins set it, every role reads it, the job finishes the rotation", async () => {
    const admin = await signInDemo("admin@demo.keydesk");
    const support = await signInDemo("support@demo.keydesk");
    const reviewer = await signInDemo("reviewer@demo.keydesk");
    const { getUpstream } = await import("@/lib/elevenlabs/upstream");
    const upstream = await getUpstream();
    const sa = (await upstream.listServiceAccounts()).find((a) => a.keys.some((k) => k.enabled))!;
    const old = sa.keys.find((k) => k.enabled)!;
    const rotate = await import("@/app/api/service-accounts/[saId]/keys/[keyId]/rotate/route");
    const route = await import("@/app/api/service-accounts/[saId]/keys/[keyId]/rotate/schedule/route");
    const params = () => handlerParams({ saId: sa.id, keyId: old.id });
    const path = `/api/service-accounts/${sa.id}/keys/${old.id}/rotate/schedule`;

    // Not being rotated yet: nothing to finish.
    const early = await route.PUT(handlerRequest(admin, "PUT", path, { disableInHours: 24 }), params());
    expect(early.status).toBe(409);

    const rotated = await rotate.POST(
      handlerRequest(admin, "POST", `/api/service-accounts/${sa.id}/keys/${old.id}/rotate`),
      params(),
    );
    expect(rotated.status).toBe(201);
    const { key: replacement, secret } = (await rotated.json()) as { key: { id: string }; secret: string };

    // Refused: other roles, bad bodies; nothing stored.
    for (const cookie of [support, reviewer]) {
      const res = await route.PUT(handlerRequest(cookie, "PUT", path, { disableInHours: 24 }), params());
      expect(res.status).toBe(403);
      expect((await route.DELETE(handlerRequest(cookie, "DELETE", path), params())).status).toBe(403);
    }
    const bad: [unknown, string][] = [
      [{}, "disableInHours"],
      [{ disableInHours: "24" }, "disableInHours"],
      [{ disableInHours: 24.5 }, "disableInHours"],
      [{ deleteInDays: 0 }, "deleteInDays"],
      [{ deleteInDays: 1e12 }, "deleteInDays"],
      [{ disableInHours: 72, deleteInDays: 1 }, "deleteInDays"],
      [{ disableInHours: 24, note: "a\u0000b" }, ""],
    ];
    for (const [body, field] of bad) {
      const res = await route.PUT(handlerRequest(admin, "PUT", path, body), params());
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(JSON.stringify(await res.json())).toContain(field);
    }
    const huge = await route.PUT(
      handlerRequest(admin, "PUT", path, { disableInHours: 24, pad: "x".repeat(2_000_000) }),
      params(),
    );
    expect(huge.status).toBe(413);
    const none = await route.GET(handlerRequest(reviewer, "GET", path), params());
    expect(await none.json()).toEqual({ schedule: null });

    // Set by the admin; read by everyone, on both keys of the pair.
    const before = Date.now();
    const set = await route.PUT(
      handlerRequest(admin, "PUT", path, { disableInHours: 24, deleteInDays: 7 }),
      params(),
    );
    expect(set.status).toBe(200);
    const { schedule } = (await set.json()) as { schedule: { disable: { at: string }; newKeyId: string } };
    expect(schedule.newKeyId).toBe(replacement.id);
    const disableAt = new Date(schedule.disable.at).getTime();
    expect(disableAt).toBeGreaterThanOrEqual(before + DAY);
    for (const cookie of [support, reviewer]) {
      for (const keyId of [old.id, replacement.id]) {
        const res = await route.GET(
          handlerRequest(cookie, "GET", `/api/service-accounts/${sa.id}/keys/${keyId}/rotate/schedule`),
          handlerParams({ saId: sa.id, keyId }),
        );
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({
          schedule: { keyId: old.id, disable: { state: "pending" } },
        });
      }
    }

    // The job: nothing before its time, then the old key disabled, signed by the job.
    const job = await theJob();
    expect(await job.run("before", new Date(disableAt - 1000))).toMatchObject({ due: 0 });
    expect((await upstream.getKey(sa.id, old.id)).enabled).toBe(true);
    expect(await job.run("due", new Date(disableAt))).toMatchObject({ disabled: 1 });
    expect((await upstream.getKey(sa.id, old.id)).enabled).toBe(false);
    const { auditLog, rotationFinish } = await import("@/lib/db/schema");
    const rows = await job.db.select().from(auditLog).where(eq(auditLog.requestId, "job:due"));
    expect(rows.map((r) => [r.action, r.outcome, r.actorEmail])).toEqual([
      ["key_disabled", "pending", "Keydesk (rotation-deadlines job), on behalf of admin@demo.keydesk"],
      ["key_disabled", "ok", "Keydesk (rotation-deadlines job), on behalf of admin@demo.keydesk"],
    ]);

    // Cancelled by the admin before the delete: the key stays.
    const cancelled = await route.DELETE(handlerRequest(admin, "DELETE", path), params());
    expect(cancelled.status).toBe(200);
    expect(await job.run("later", new Date(disableAt + 10 * DAY))).toMatchObject({ due: 0 });
    expect((await upstream.getKey(sa.id, old.id)).id).toBe(old.id);
    const actions = await job.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.keyId, old.id)));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["rotation_finish_scheduled", "rotation_finish_cancelled"]),
    );
    // The new key's secret is nowhere in what Keydesk stored about the schedule or its audit rows.
    const stored = JSON.stringify([
      await job.db.select().from(rotationFinish),
      await job.db.select().from(auditLog),
    ]);
    expect(stored).not.toContain(secret);
  });

  it("other connections: a delete on a timetable; no disable where the provider has none; the primary refused", async () => {
    const admin = await signInDemo("admin@demo.keydesk");
    const support = await signInDemo("support@demo.keydesk");
    const keysRoute = await import("@/app/api/connections/[connectionId]/keys/route");
    const route = await import("@/app/api/connections/[connectionId]/keys/[keyId]/rotate/schedule/route");
    const keysOf = async (connectionId: string) => {
      const res = await keysRoute.GET(
        handlerRequest(admin, "GET", `/api/connections/${connectionId}/keys`),
        handlerParams({ connectionId }),
      );
      return ((await res.json()) as { keys: { id: string; enabled: boolean | null }[] }).keys;
    };
    const call = (
      cookie: string,
      method: "GET" | "PUT" | "DELETE",
      connectionId: string,
      keyId: string,
      body?: unknown,
    ) =>
      route[method](
        handlerRequest(
          cookie,
          method,
          `/api/connections/${connectionId}/keys/${keyId}/rotate/schedule`,
          body,
        ),
        handlerParams({ connectionId, keyId }),
      );

    const voiceKey = (await keysOf("demo-voiceable"))[0]!;
    const noDisable = await call(admin, "PUT", "demo-voiceable", voiceKey.id, { disableInHours: 24 });
    expect(noDisable.status).toBe(422);
    expect(JSON.stringify(await noDisable.json())).toContain("disableInHours");

    const primary = await call(admin, "PUT", "demo-elevenlabs", "any-key", { deleteInDays: 1 });
    expect(primary.status).toBe(409);

    const docKey = (await keysOf("demo-docspace"))[0]!;
    expect((await call(support, "PUT", "demo-docspace", docKey.id, { deleteInDays: 1 })).status).toBe(403);
    const set = await call(admin, "PUT", "demo-docspace", docKey.id, { deleteInDays: 1 });
    expect(set.status).toBe(200);
    const { schedule } = (await set.json()) as { schedule: { delete: { at: string } } };
    const read = await call(support, "GET", "demo-docspace", docKey.id);
    expect(await read.json()).toMatchObject({ schedule: { keyId: docKey.id, delete: { state: "pending" } } });

    const job = await theJob();
    expect(await job.run("doc-due", new Date(schedule.delete.at))).toMatchObject({ deleted: 1 });
    expect((await keysOf("demo-docspace")).some((k) => k.id === docKey.id)).toBe(false);
    const { auditLog } = await import("@/lib/db/schema");
    const rows = await job.db.select().from(auditLog).where(eq(auditLog.requestId, "job:doc-due"));
    expect(rows.map((r) => [r.action, r.outcome, r.connectionId, r.actorRole])).toEqual([
      ["key_deleted", "pending", "demo-docspace", "job"],
      ["key_deleted", "ok", "demo-docspace", "job"],
    ]);
    // Done once: the next run finds nothing.
    expect(await job.run("doc-again", new Date(schedule.delete.at))).toMatchObject({ due: 0 });
  });
});
