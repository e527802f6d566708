// SIGTERM and the job engine: the server's drain (lib/http/drain.ts) waits for the tasks registered
// with whenDraining, and instrumentation.ts registers the engine's stop there. A run under way when
// the drain begins is given the grace and finishes (completed, not retried); one that outlasts the
// grace is handed back by pg-boss (failed "shut down while active", so a retry takes it at once
// rather than after its time limit), and the drain still ends within the grace. Real PGlite, real
// pg-boss; the drain is called as the signal handler calls it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/database";
import { drain, whenDraining } from "@/lib/http/drain";
import { createJobEngine, type JobEngine } from "@/lib/jobs/engine";
import { recentRuns, type JobRunView } from "@/lib/jobs/runs";
import { testDatabases } from "@/tests/support/audit-log";

const open = testDatabases();
let database: Database;
let engine: JobEngine;

/** Each run waits until released (by the test) before it ends. */
const started: string[] = [];
let release: (() => void) | null = null;

async function run(id: string): Promise<JobRunView | undefined> {
  return (await recentRuns(database.db, ["slow"])).find((r) => r.id === id);
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("waited too long");
}

beforeAll(async () => {
  database = await open("pglite");
  engine = createJobEngine(
    database,
    [
      {
        name: "slow",
        everySeconds: null,
        retryLimit: 1,
        expireInSeconds: 600,
        run: async (r) => {
          started.push(r.id);
          await new Promise<void>((resolve) => (release = resolve));
          return { done: true };
        },
      },
    ],
    { pollSeconds: 0.5 },
  );
  await engine.start();
  whenDraining((ms) => engine.stop(Math.max(1, ms / 1000 - 1)));
}, 120_000);

afterAll(async () => {
  release?.();
  await engine?.stop(1);
});

describe("the drain on SIGTERM", { timeout: 120_000 }, () => {
  it("gives a run under way its grace: it finishes before the drain ends", async () => {
    const id = await engine.runNow("slow", "admin@example.com");
    await until(() => started.includes(id));
    const drained = drain(30_000);
    // The run is still going: the drain waits for it.
    let ended = false;
    void drained.then(() => (ended = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(ended).toBe(false);
    expect((await run(id))?.state).toBe("active");
    release!();
    await drained;
    expect(await run(id)).toMatchObject({ state: "completed", retryCount: 0, summary: { done: true } });
  });

  it("hands back a run that outlasts the grace, so a retry need not wait for its time limit", async () => {
    const second = createJobEngine(
      database,
      [
        {
          name: "stuck",
          everySeconds: null,
          retryLimit: 1,
          expireInSeconds: 600,
          run: () => new Promise(() => undefined), // never ends
        },
      ],
      { pollSeconds: 0.5 },
    );
    await second.start();
    whenDraining((ms) => second.stop(Math.max(1, ms / 1000 - 1)));
    const id = await second.runNow("stuck", "the schedule");
    const stuck = async () => (await recentRuns(database.db, ["stuck"])).find((r) => r.id === id);
    await until(async () => (await stuck())?.state === "active");
    await drain(2_500);
    // Failed by pg-boss's stop and queued again ("retry"): another instance, or this one restarted, takes it.
    expect((await stuck())?.state).toBe("retry");
  });
});
