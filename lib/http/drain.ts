// Shutting down without dropping work. Keydesk's server hook (install-request-stamp.ts) admits
// every request through here, so this module knows which requests are in flight. On SIGTERM or
// SIGINT (installShutdown): stop accepting connections, close idle ones, answer any request that
// still arrives on an open connection with 503 and `Connection: close`, let the requests in flight
// finish (their audit completion rows are written before they answer), then exit 0; or exit 1 when
// KEYDESK_SHUTDOWN_GRACE_SECONDS run out first. The start and the end are logged.
//
// The state is on globalThis: the hook and the signal handler may come from different copies of
// this module (Next.js bundles instrumentation apart from the routes).
import "server-only";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { logger } from "@/lib/log/logger";

interface DrainState {
  inFlight: Set<ServerResponse>;
  /** The servers requests came through: the ones to close. */
  servers: Set<Server>;
  /** Ports of servers this process runs for itself (demo mode's emulator): never drained. */
  exemptPorts: Set<number>;
  draining: boolean;
  /** Called whenever a request in flight ends during the drain. */
  onSettled: (() => void) | null;
  /** Other work the drain waits for besides requests (the job engine's runs under way). */
  tasks?: Set<DrainTask>;
  /** When a request last arrived or ended (ms since the epoch); 0 before the first. */
  lastActivity?: number;
}

/** Work a drain waits for: told the grace it has (ms), resolves when done. */
export type DrainTask = (graceMs: number) => Promise<unknown>;

const SLOT = Symbol.for("keydesk.drain");
type Slot = { [SLOT]?: DrainState };

function state(): DrainState {
  const slot = globalThis as Slot;
  slot[SLOT] ??= {
    inFlight: new Set(),
    servers: new Set(),
    exemptPorts: new Set(),
    draining: false,
    onSettled: null,
  };
  return slot[SLOT];
}

function portOf(server: Server): number | null {
  const address = server.address() as AddressInfo | string | null;
  return address && typeof address === "object" ? address.port : null;
}

/**
 * A server of this process that must keep answering while Keydesk drains: demo mode's emulator,
 * which Keydesk's own requests in flight still call.
 */
export function exemptFromDrain(port: number): void {
  state().exemptPorts.add(port);
}

export function isDraining(): boolean {
  return state().draining;
}

export function inFlightCount(): number {
  return state().inFlight.size;
}

const SHUTTING_DOWN = JSON.stringify({
  error: { code: "unavailable", message: "Keydesk is restarting or shutting down; try again in a moment." },
});

/**
 * Admits a request: counts it in flight until its response closes. While draining, answers it
 * 503 with `Connection: close` instead and returns false (the caller then passes it on no further).
 */
export function admitRequest(server: Server, _req: IncomingMessage, res: ServerResponse): boolean {
  const s = state();
  const port = portOf(server);
  if (port !== null && s.exemptPorts.has(port)) return true;
  if (s.draining) {
    res
      .writeHead(503, {
        "content-type": "application/json",
        "cache-control": "no-store",
        connection: "close",
        "retry-after": "5",
      })
      .end(SHUTTING_DOWN);
    return false;
  }
  s.servers.add(server);
  s.inFlight.add(res);
  s.lastActivity = Date.now();
  res.once("close", () => {
    s.inFlight.delete(res);
    s.lastActivity = Date.now();
    s.onSettled?.();
  });
  return true;
}

/**
 * Resolves once no request has been in flight for `quietMs` (looked at every 100 ms), or after
 * `atMostMs` whatever the traffic. For background work that may wait a moment at start (the job
 * engine's first runs) rather than slow the first requests a restarted server answers.
 */
export function whenQuiet(quietMs: number, atMostMs: number): Promise<void> {
  const s = state();
  const started = Date.now();
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const now = Date.now();
      const quiet = s.inFlight.size === 0 && now - Math.max(s.lastActivity ?? 0, started) >= quietMs;
      if (quiet || now - started >= atMostMs) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    timer.unref();
  });
}

/**
 * Work besides requests that the drain waits for, within the same grace: the job engine registers
 * its stop here, so a run under way may finish (or is handed back for a retry) before the exit.
 */
export function whenDraining(task: DrainTask): void {
  (state().tasks ??= new Set()).add(task);
}

/** Runs every registered task, each given `graceMs`; never longer than that, never rejects. */
async function drainTasks(graceMs: number): Promise<void> {
  const tasks = [...(state().tasks ?? [])];
  if (tasks.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled(tasks.map((task) => task(graceMs))),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
  ]);
  clearTimeout(timer);
}

export interface DrainResult {
  /** Requests that finished during the drain. */
  finished: number;
  /** Requests still in flight when the grace period ran out. */
  abandoned: number;
}

/** Stops taking requests and waits up to `graceMs` for those in flight. */
export async function drain(graceMs: number): Promise<DrainResult> {
  const s = state();
  s.draining = true;
  const initially = s.inFlight.size;
  for (const server of s.servers) {
    server.close(); // no new connections; connections end as their requests do
    server.closeIdleConnections();
  }
  // A keep-alive connection carrying a request in flight is closed once it has answered.
  for (const res of s.inFlight) if (!res.headersSent) res.setHeader("connection", "close");
  const tasksDone = drainTasks(graceMs);
  if (s.inFlight.size > 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, graceMs);
      function done() {
        clearTimeout(timer);
        s.onSettled = null;
        resolve();
      }
      s.onSettled = () => {
        if (s.inFlight.size === 0) done();
      };
    });
  }
  await tasksDone;
  return { finished: initially - s.inFlight.size, abandoned: s.inFlight.size };
}

/**
 * Drains on SIGTERM and SIGINT, then exits. Replaces Next.js's own handler (registered by
 * `next start` and the standalone server before instrumentation runs): it waits with no time
 * limit and exits 143, which reads as a failure to whatever stopped the process.
 */
export function installShutdown(graceSeconds: number): void {
  const INSTALLED = Symbol.for("keydesk.shutdownInstalled");
  const marks = process as unknown as Record<symbol, boolean>;
  if (marks[INSTALLED]) return;
  marks[INSTALLED] = true;
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return; // a second signal (a shell's Ctrl-C reaches the whole group) changes nothing
    started = true;
    const begun = Date.now();
    logger.info(
      { event: "drain_start", signal, inFlight: inFlightCount(), graceSeconds },
      `Keydesk: ${signal}: draining (no new requests; waiting for those in flight)`,
    );
    void drain(graceSeconds * 1000).then(({ finished, abandoned }) => {
      const line = { event: "drain_end", finished, abandoned, ms: Date.now() - begun };
      if (abandoned > 0) logger.warn(line, `Keydesk: drained with ${abandoned} request(s) cut off; exiting`);
      else logger.info(line, "Keydesk: drained; exiting");
      process.exit(abandoned > 0 ? 1 : 0);
    });
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
}
