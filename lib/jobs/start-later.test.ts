import { afterEach, expect, it, vi } from "vitest";

// The engine and its database are stand-ins: what is checked is when runningJobs starts one.
const started = vi.fn();
vi.mock("@/lib/db", () => ({ getDatabase: async () => ({}) }));
vi.mock("./engine", () => ({
  createJobEngine: () => ({ start: async () => started(), stop: async () => undefined, jobs: [] }),
}));

const { runningJobs } = await import("./index");
const { jobsWillStart } = await import("./start-later");

afterEach(() => {
  for (const name of ["keydesk.jobs", "keydesk.jobs.will-start"])
    delete (globalThis as Record<symbol, unknown>)[Symbol.for(name)];
  started.mockReset();
});

it("no engine in a process that does not run one (next dev, a test)", () => {
  expect(runningJobs()).toBeNull();
  expect(started).not.toHaveBeenCalled();
});

it("an engine waiting for the server's first quiet moment starts at once when something needs it", async () => {
  jobsWillStart();
  const engine = runningJobs();
  expect(engine).not.toBeNull();
  await engine;
  expect(started).toHaveBeenCalledTimes(1);
  // Later asks get the same engine; it is not started twice.
  expect(runningJobs()).toBe(engine);
  await runningJobs();
  expect(started).toHaveBeenCalledTimes(1);
});
