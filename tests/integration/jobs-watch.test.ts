// The job engine and the watch job on PGlite (the embedded default), in this one process, over real
// HTTP to the ElevenLabs and Voiceable emulators: a watch run records each key's usage, notices a
// key created outside Keydesk (an audit row signed by the job, an `outside_change` alert), tells
// about keys past 80% / 100% of their limit once, and keeps credentials and error text out of the
// job table. Runs are asked for by hand here (runNow); the schedule is tested on PostgreSQL.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onAlert, type AlertEvent } from "@/lib/alerts/events";
import { JOB_ROLE, jobRequestId } from "@/lib/audit/job-actor";
import type { ConnectionDeps } from "@/lib/connections/list";
import type { Connection } from "@/lib/connections/types";
import type { Database } from "@/lib/db/database";
import { auditLog, keyUsageSample } from "@/lib/db/schema";
import { startEmulator, type Emulator } from "@/lib/emulator/elevenlabs/server";
import * as voiceableTesting from "@/lib/emulator/voiceable/testing";
import type { VoiceableEmulator } from "@/lib/emulator/voiceable/server";
import { createJobEngine, type JobEngine } from "@/lib/jobs/engine";
import { recentRuns, type JobRunView } from "@/lib/jobs/runs";
import { watchJob, WATCH_JOB } from "@/lib/jobs/watch/watch-job";
import { selectRows, testDatabases } from "@/tests/support/audit-log";

const ELEVEN = "jobs-watch-eleven-admin-credential-5Xk2";
const open = testDatabases();

let eleven: Emulator;
let voiceable: VoiceableEmulator;
let database: Database;
let engine: JobEngine;
let failing: JobEngine;
const alerts: AlertEvent[] = [];
const stopListening = onAlert((event) => void alerts.push(event));

function fixed(
  id: string,
  provider: Connection["provider"],
  baseUrl: string,
  credential: string,
): Connection {
  return {
    id,
    name: `Connection ${id}`,
    provider,
    baseUrl,
    source: "file",
    credentialHint: credential.slice(-4),
    createdAt: null,
    credential: async () => credential,
  };
}

async function deps(): Promise<ConnectionDeps> {
  return {
    db: database.db,
    keys: () => {
      throw new Error("no stored connection here");
    },
    fixed: async () => [
      fixed("eleven", "elevenlabs", eleven.url, ELEVEN),
      fixed("voice", "voiceable", `${voiceable.url}/api/v1`, voiceableTesting.OWNER_KEY),
    ],
    check: async () => ({ ok: true, summary: "" }),
  };
}

/** Waits until the run `id` has finished (completed or failed for good). */
async function finished(id: string, names = [WATCH_JOB]): Promise<JobRunView> {
  for (let i = 0; i < 240; i++) {
    const run = (await recentRuns(database.db, names)).find((r) => r.id === id);
    if (run && (run.state === "completed" || run.state === "failed")) return run;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`run ${id} did not finish`);
}

beforeAll(async () => {
  [eleven, voiceable, database] = await Promise.all([
    startEmulator({ adminKeys: [ELEVEN], seed: "demo", control: true }),
    voiceableTesting.start(),
    open("pglite"),
  ]);
  engine = createJobEngine(database, [watchJob(deps, 0)], { pollSeconds: 0.5 });
  await engine.start();
}, 120_000);

afterAll(async () => {
  stopListening();
  await failing?.stop(1);
  await engine?.stop(1);
  await Promise.all([eleven?.close(), voiceable?.close()]);
});

describe("the watch job on PGlite", { timeout: 120_000 }, () => {
  let firstRun: JobRunView;

  it("records every key's usage and tells about keys past 80% and 100% of their limit", async () => {
    firstRun = await finished(await engine.runNow(WATCH_JOB, "admin@example.com"));
    expect(firstRun.state).toBe("completed");
    expect(firstRun.onBehalfOf).toBe("admin@example.com");
    expect(firstRun.summary).toMatchObject({ connections: 2, unreadable: 0, outsideChanges: 0 });
    const samples = await database.db
      .select()
      .from(keyUsageSample)
      .where(eq(keyUsageSample.connectionId, "eleven"));
    expect(samples.length).toBeGreaterThan(3);
    expect(firstRun.summary!.samplesWritten).toBe(firstRun.summary!.keys);
    const primary = samples.find((s) => s.used === 4_350_000);
    expect(primary).toMatchObject({ limit: 5_000_000, groupId: expect.any(String) });
    // prod-tts-primary (87%) and prod-tts-fallback (100%), first seen above their thresholds.
    const limits = alerts.filter((a) => a.kind === "limit_reached");
    expect(limits.map((a) => [a.target?.name, a.usedShare]).sort()).toEqual(
      expect.arrayContaining([
        ["prod-tts-fallback", 1],
        ["prod-tts-primary", 0.8],
      ]),
    );
  });

  it("notices a key created outside Keydesk, signs the audit row as the job's, and alerts once", async () => {
    alerts.length = 0;
    await voiceableTesting.createKey(voiceable, { name: "made-behind-our-back", key_type: "public" });
    // prod-tts-ipv6 goes from 12% to 85% of its limit between the runs.
    const ipv6 = (
      await database.db
        .select()
        .from(keyUsageSample)
        .where(and(eq(keyUsageSample.connectionId, "eleven"), eq(keyUsageSample.used, 120_000)))
    )[0]!;
    const set = await fetch(`${eleven.url}/__emulator/usage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ keyId: ipv6.keyId, characterCount: 850_000 }),
    });
    expect(set.ok).toBe(true);

    const run = await finished(await engine.runNow(WATCH_JOB, "admin@example.com"));
    expect(run.summary).toMatchObject({ outsideChanges: 1, limitAlerts: 1 });
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, jobRequestId(run.id)));
    const created = rows.find((r) => r.action === "key_observed_change");
    expect(created).toMatchObject({
      targetName: "made-behind-our-back",
      connectionId: "voice",
      actorRole: JOB_ROLE,
      actorEmail: "Keydesk (watch job), on behalf of admin@example.com",
    });
    expect(alerts.filter((a) => a.kind === "outside_change")).toEqual([
      expect.objectContaining({ title: "Key “made-behind-our-back” was created outside Keydesk" }),
    ]);
    expect(alerts.filter((a) => a.kind === "limit_reached")).toEqual([
      expect.objectContaining({ usedShare: 0.8, target: expect.objectContaining({ keyId: ipv6.keyId }) }),
    ]);
    // Each run has its own samples: the chart's points.
    const points = await database.db
      .select()
      .from(keyUsageSample)
      .where(and(eq(keyUsageSample.connectionId, "eleven"), eq(keyUsageSample.keyId, ipv6.keyId)));
    expect(points.map((p) => p.used)).toEqual([120_000, 850_000]);
  });

  it("a third run with nothing new changes nothing and tells nothing", async () => {
    alerts.length = 0;
    const run = await finished(await engine.runNow(WATCH_JOB, "the schedule"));
    expect(run.summary).toMatchObject({ outsideChanges: 0, limitAlerts: 0 });
    expect(alerts).toEqual([]);
  });

  it("keeps credentials and error text out of the job table", async () => {
    const secret = "sk_" + "f".repeat(40);
    failing = createJobEngine(
      database,
      [
        {
          name: "always-fails",
          everySeconds: null,
          retryLimit: 0,
          expireInSeconds: 30,
          run: async () => {
            throw new Error(`upstream said no to ${secret} for admin@example.com`);
          },
        },
      ],
      { pollSeconds: 0.5 },
    );
    await failing.start();
    const run = await finished(await failing.runNow("always-fails", "the schedule"), ["always-fails"]);
    expect(run.state).toBe("failed");
    expect(run.error).toContain("upstream said no to");
    expect(run.error).not.toContain(secret);
    expect(run.error).not.toContain("admin@example.com");
    const stored = await selectRows<{ text: string }>(
      database.db,
      // Every run, with its data and output, as text.
      (await import("drizzle-orm")).sql`select row_to_json(j)::text as text from pgboss.job j`,
    );
    const text = stored.map((r) => r.text).join("\n");
    expect(text).not.toContain(secret);
    expect(text).not.toContain(ELEVEN);
    expect(text).not.toContain(voiceableTesting.OWNER_KEY);
    expect(text).not.toContain("at Object."); // no stack
    expect(alerts.some((a) => a.kind === "job_failing")).toBe(true);
  });
});
