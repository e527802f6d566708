// Two Keydesk instances on one PostgreSQL server, each with its own job engine and pool, both
// running the same scheduled job every 2 seconds: each period's run happens exactly once, on one of
// them, however the two tickers and workers race. (On PGlite there is only ever one instance.)
import { afterAll, expect, it } from "vitest";
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
