// Whether this process will start its job engine (instrumentation.ts, in production), before it has.
// A small module of its own: instrumentation.ts marks it without loading the jobs' code, whose
// loading and first runs wait until the server is first quiet after its warm-up (lib/http/drain.ts
// whenQuiet), so they never slow the first requests a started or restarted server answers.
const SLOT = Symbol.for("keydesk.jobs.will-start");
type Slot = { [SLOT]?: boolean };

export function jobsWillStart(): void {
  (globalThis as Slot)[SLOT] = true;
}

/** True once instrumentation.ts has said this process runs the job engine (started or not yet). */
export function jobsStartLater(): boolean {
  return (globalThis as Slot)[SLOT] === true;
}
