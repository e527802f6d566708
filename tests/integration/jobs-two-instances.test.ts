// Two Keydesk instances on one PostgreSQL server, each with its own job engine and pool, both
// running the same scheduled job every 2 seconds: each period's run happens exactly once, on one of
// them, however the two tickers and workers race. And a run whose instance dies mid-run (its
// connections gone, its work never finishing, as after `kill -9`) is failed at its time limit and
// run again, once, by the other instance. (On PGlite there is only ever one instance.)
import { afterAll, expect, it } from "vitest";
import type { Pool } from "pg";
import { openDatabase, type Database } from "@/lib/db/database";
import { createJobEngine, type JobEngine } from "@/lib/jobs/engine";
import type { JobDefinition } from "@/lib/jobs/types";
import { createPostgresDatabase, postgresUrl, POSTGRES_MISSING } from "@/tests/support/databases";

const PERIOD_SECONDS = 2;
const opened: Database[] = [];
const engines: JobEngine[] = [];
afterAll(async () => {
  for (const e of engines) await e.stop(1);
  for (const d of opened) await d.close();
});

it("runs against PostgreSQL, or says plainly why not", () => {
  // The suite's global setup starts a throwaway PostgreSQL when one is installed (tests/support).
  if (!postgresUrl) console.warn(POSTGRES_MISSING);
  expect(postgresUrl ?? "missing").toBeTruthy();
});

it.runIf(postgresUrl)(
  "two instances on one PostgreSQL: each scheduled job runs once per period",
  { timeout: 120_000 },
  async () => {
    const url = await createPostgresDatabase();
    const runs: { instance: string; period: string }[] = [];
    const tick = (instance: string): JobDefinition => ({
      name: "tick",
      everySeconds: PERIOD_SECONDS,
      retryLimit: 0,
      expireInSeconds: 30,
      run: async ({ periodStart }) => {
        runs.push({ instance, period: periodStart.toISOString() });
        // Long enough that the other instance's worker polls while this run is active.
        await new Promise((r) => setTimeout(r, 300));
        return { instance };
      },
    });
    for (const instance of ["a", "b"]) {
      const database = await openDatabase({ kind: "postgres", url });
      opened.push(database);
      engines.push(createJobEngine(database, [tick(instance)], { pollSeconds: 0.5 }));
    }
    await Promise.all(engines.map((e) => e.start()));
    await new Promise((r) => setTimeout(r, 5 * PERIOD_SECONDS * 1000 + 1500));
    await Promise.all(engines.map((e) => e.stop(2)));

    const periods = runs.map((r) => r.period);
    // Once per period: no period twice, and the periods are PERIOD_SECONDS apart.
    expect(new Set(periods).size).toBe(periods.length);
    expect(periods.length).toBeGreaterThanOrEqual(4);
    const times = periods.map((p) => Date.parse(p)).sort((x, y) => x - y);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(PERIOD_SECONDS * 1000);
    // Both tickers asked every period; the database kept one run each time.
    console.info(`runs by instance: ${runs.map((r) => r.instance).join("")}`);
  },
);

it.runIf(postgresUrl)(
  "a run whose instance died mid-run is run again, once, by the other instance",
  { timeout: 120_000 },
  async () => {
    const url = await createPostgresDatabase();
    const tries: { instance: string; runId: string; retry: number }[] = [];
    const job = (instance: string, hang: boolean): JobDefinition => ({
      name: "once",
      everySeconds: null,
      retryLimit: 2,
      expireInSeconds: 2,
      run: async ({ id, retryCount }) => {
        tries.push({ instance, runId: id, retry: retryCount });
        // The dying instance never finishes (its process is gone).
        if (hang) await new Promise(() => undefined);
        return { instance };
      },
    });
    // Instance a reaches the database through a door that, once it is "killed", never answers
    // again: nothing more from it reaches the database, as after `kill -9` (its work never ends).
    const real = await openDatabase({ kind: "postgres", url });
    opened.push(real);
    const pool = (real.db as unknown as { $client: Pool }).$client;
    let killed = false;
    const dying = {
      ...real,
      db: {
        $client: {
          query: (text: string, values?: unknown[]) =>
            killed ? new Promise(() => undefined) : pool.query(text, values),
        },
      },
    } as unknown as Database;
    const a = createJobEngine(dying, [job("a", true)], { pollSeconds: 0.5, maintenanceSeconds: 1 });
    await a.start();
    const runId = await a.runNow("once", "the test");
    for (let i = 0; i < 100 && tries.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(tries).toEqual([{ instance: "a", runId, retry: 0 }]);
    killed = true;

    const survivor = await openDatabase({ kind: "postgres", url });
    opened.push(survivor);
    const b = createJobEngine(survivor, [job("b", false)], { pollSeconds: 0.5, maintenanceSeconds: 1 });
    engines.push(b);
    await b.start();
    for (let i = 0; i < 300 && !tries.some((t) => t.instance === "b"); i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 3000)); // time for a second, wrong try to show up
    expect(tries).toEqual([
      { instance: "a", runId, retry: 0 },
      { instance: "b", runId, retry: 1 },
    ]);
  },
);
