// The watch job and the primary ElevenLabs workspace (env-elevenlabs), on PGlite, over real HTTP to
// the emulator. The primary keeps its own snapshot, which readAllConnections never compares with;
// before lib/jobs/watch/primary-read.ts the watch read its keys and recorded no outside change at
// all (the e2e jobs spec's `fixme`, issue 14). A key made straight at the emulator between two runs
// is now one audit row signed by the second run, and one `outside_change` alert.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onAlert, type AlertEvent } from "@/lib/alerts/events";
import { JOB_ROLE, jobRequestId } from "@/lib/audit/job-actor";
import type { ConnectionDeps } from "@/lib/connections/list";
import { ENVIRONMENT_CONNECTION_ID } from "@/lib/connection-ids";
import type { Database } from "@/lib/db/database";
import { auditLog } from "@/lib/db/schema";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import { createJobEngine, type JobEngine } from "@/lib/jobs/engine";
import { recentRuns, type JobRunView } from "@/lib/jobs/runs";
import { watchJob, WATCH_JOB } from "@/lib/jobs/watch/watch-job";
import { testDatabases } from "@/tests/support/audit-log";

const ADMIN = "jobs-watch-primary-admin-credential-9Qz";
const open = testDatabases();

let eleven: Emulator;
let database: Database;
let engine: JobEngine;
const alerts: AlertEvent[] = [];
const stopListening = onAlert((event) => void alerts.push(event));

async function deps(): Promise<ConnectionDeps> {
  return {
    db: database.db,
    keys: () => {
      throw new Error("no stored connection here");
    },
    fixed: async () => [
      {
        id: ENVIRONMENT_CONNECTION_ID,
        name: "ElevenLabs (ELEVENLABS_API_KEY)",
        provider: "elevenlabs",
        baseUrl: eleven.url,
        source: "environment",
        credentialHint: ADMIN.slice(-4),
        createdAt: null,
        credential: async () => ADMIN,
      },
    ],
    check: async () => ({ ok: true, summary: "" }),
  };
}

async function admin<T>(method: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${eleven.url}${path}`, {
    method,
    headers: { "content-type": "application/json", "xi-api-key": ADMIN },
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
  return (await res.json()) as T;
}

async function finished(id: string): Promise<JobRunView> {
  for (let i = 0; i < 240; i++) {
    const run = (await recentRuns(database.db, [WATCH_JOB])).find((r) => r.id === id);
    if (run && (run.state === "completed" || run.state === "failed")) return run;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`run ${id} did not finish`);
}

beforeAll(async () => {
  [eleven, database] = await Promise.all([
    startEmulator({ adminKeys: [ADMIN], seed: "demo", control: true }),
    open("pglite"),
  ]);
  engine = createJobEngine(database, [watchJob(deps, 0)], { pollSeconds: 0.5 });
  await engine.start();
}, 120_000);

afterAll(async () => {
  stopListening();
  await engine?.stop(1);
  await eleven?.close();
});

describe("the watch job on the primary workspace", { timeout: 120_000 }, () => {
  it("takes the baseline on its first run and records nothing as changed", async () => {
    const run = await finished(await engine.runNow(WATCH_JOB, "admin@example.com"));
    expect(run.state).toBe("completed");
    expect(run.summary).toMatchObject({ connections: 1, unreadable: 0, outsideChanges: 0 });
    expect(run.summary!.keys).toBeGreaterThan(3);
  });

  it("notices a key made straight at the emulator, signs the row as the job's, and alerts once", async () => {
    alerts.length = 0;
    const { "service-account-user-id": saId } = await admin<{ "service-account-user-id": string }>(
      "POST",
      "/v1/service-accounts",
      { name: "Watch drill" },
    );
    await admin("POST", `/v1/service-accounts/${saId}/api-keys`, {
      name: "made-while-nobody-looked",
      permissions: "all",
    });
    const run = await finished(await engine.runNow(WATCH_JOB, "admin@example.com"));
    expect(run.summary).toMatchObject({ unreadable: 0, outsideChanges: 1 });
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, jobRequestId(run.id)));
    expect(rows.find((r) => r.action === "key_observed_change")).toMatchObject({
      targetName: "made-while-nobody-looked",
      serviceAccountId: saId,
      actorRole: JOB_ROLE,
      actorEmail: "Keydesk (watch job), on behalf of admin@example.com",
    });
    expect(alerts.filter((a) => a.kind === "outside_change")).toEqual([
      expect.objectContaining({ title: "Key “made-while-nobody-looked” was created outside Keydesk" }),
    ]);
  });

  it("a run with nothing new records nothing", async () => {
    alerts.length = 0;
    const run = await finished(await engine.runNow(WATCH_JOB, "the schedule"));
    expect(run.summary).toMatchObject({ outsideChanges: 0 });
    expect(alerts.filter((a) => a.kind === "outside_change")).toEqual([]);
  });
});
