// Alert deliveries as a job (lib/alerts/start.ts `alert-deliveries`, every 30 s): the engine's run
// sends what is due to a real local webhook receiver, and a delivery is claimed before it is sent, so
// the job's run, the on-publish run and another instance's run at the same moment never send one
// delivery twice. Real PGlite, real pg-boss, real sockets.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addChannel, recordAlert, runDueDeliveries, type AlertDeps } from "@/lib/alerts";
import type { AlertEvent } from "@/lib/alerts/events";
import { ALERT_DELIVERIES_JOB, alertDeliveriesJob } from "@/lib/alerts/start";
import type { SessionUser } from "@/lib/auth/session";
import { encryptionKey } from "@/lib/connections/crypto";
import type { Database } from "@/lib/db/database";
import type { RequestInfo } from "@/lib/http/request-info";
import { createJobEngine, type JobEngine } from "@/lib/jobs/engine";
import { recentRuns, type JobRunView } from "@/lib/jobs/runs";
import { testDatabases } from "@/tests/support/audit-log";
import { startHttpReceiver, type HttpReceiver } from "@/tests/support/smtp-http-receiver";

const open = testDatabases();
let database: Database;
let deps: AlertDeps;
let engine: JobEngine;
let receiver: HttpReceiver;

const ctx = {
  actor: { id: "user-admin", email: "admin@example.com", role: "admin" } as SessionUser,
  info: { ip: "127.0.0.1", userAgent: "vitest", requestId: "req-1" } as RequestInfo,
};

const event = (n: number): AlertEvent => ({
  kind: "outside_change",
  severity: "warning",
  title: `Key “k${n}” was created outside Keydesk`,
  body: "Seen by the watch job.",
  at: new Date().toISOString(),
});

async function finished(id: string): Promise<JobRunView> {
  for (let i = 0; i < 240; i++) {
    const run = (await recentRuns(database.db, [ALERT_DELIVERIES_JOB])).find((r) => r.id === id);
    if (run && (run.state === "completed" || run.state === "failed")) return run;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`run ${id} did not finish`);
}

/** Deliveries sent by every finished run of the job so far. */
async function sentByRuns(): Promise<number> {
  const runs = await recentRuns(database.db, [ALERT_DELIVERIES_JOB], 500);
  if (runs.some((r) => r.state === "active" || r.state === "created")) return -1;
  return runs.reduce((n, r) => n + Number(r.summary?.sent ?? 0), 0);
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("waited too long");
}

beforeAll(async () => {
  database = await open("pglite");
  const key = encryptionKey(randomBytes(32));
  deps = { db: database.db, keys: { current: key, all: [key] } };
  receiver = await startHttpReceiver();
  await addChannel(deps, ctx, {
    type: "webhook",
    name: "Ops hook",
    url: `${receiver.url}/hook`,
    secret: `whsec-${randomBytes(16).toString("hex")}`,
  });
  engine = createJobEngine(database, [alertDeliveriesJob(async () => deps)], { pollSeconds: 0.5 });
  await engine.start();
}, 120_000);

afterAll(async () => {
  await engine?.stop(1);
  await receiver?.close();
});

describe("the alert-deliveries job", { timeout: 120_000 }, () => {
  it("is scheduled every 30 seconds and is not retried (the next period is the retry)", () => {
    expect(alertDeliveriesJob()).toMatchObject({ name: "alert-deliveries", everySeconds: 30, retryLimit: 0 });
  });

  it("sends what is due and reports it (this run or the period's own, whichever claimed it)", async () => {
    receiver.requests.length = 0;
    await recordAlert(deps, event(1));
    const run = await finished(await engine.runNow(ALERT_DELIVERIES_JOB, "the schedule"));
    expect(run.state).toBe("completed");
    // The engine's own scheduled run (asked for at start) may be the one that took it.
    await until(async () => (await sentByRuns()) === 1);
    expect(receiver.requests).toHaveLength(1);
    // Nothing is due now: a further run sends nothing.
    const again = await finished(await engine.runNow(ALERT_DELIVERIES_JOB, "the schedule"));
    expect(again.summary).toMatchObject({ sent: 0 });
    expect(receiver.requests).toHaveLength(1);
  });

  it("never sends a delivery twice when runs overlap (the job's, the on-publish one, another instance's)", async () => {
    receiver.requests.length = 0;
    const rows = (await Promise.all([1, 2, 3, 4, 5].map((n) => recordAlert(deps, event(n))))).flat();
    await Promise.all([
      engine.runNow(ALERT_DELIVERIES_JOB, "the schedule").then(finished),
      runDueDeliveries(deps),
      runDueDeliveries(deps),
    ]);
    // (A period's own run may have taken some: wait until every run has ended.)
    await until(async () => (await sentByRuns()) >= 0);
    const ids = receiver.requests.map((r) => String(r.headers["x-keydesk-delivery"]));
    expect(ids.sort()).toEqual(rows.map((r) => String(r.id)).sort());
  });
});
