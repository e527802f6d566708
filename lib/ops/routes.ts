// GET /api/health and GET /api/ready, for load balancers, orchestrators and `docker compose`.
// Both are public (a probe has no session) and say as little as possible: the status alone, never
// a reason, a URL, a key or an error's text. Why an instance is not ready goes to the server log,
// once when a check starts failing rather than on every probe. Anyone may call /api/ready, so the
// real checks run at most once at a time and their result answers every caller for READY_REUSE_MS.
import "server-only";
import { getDatabase } from "@/lib/db";
import { ping } from "@/lib/db/database";
import { env } from "@/lib/env";
import { logServerError } from "@/lib/log/server-error";
import { checkReadiness, shareRecent, type Check, type CheckFailure, type Readiness } from "./readiness";
import { getUpstream } from "@/lib/elevenlabs/upstream";

/** Long enough for a healthy database or upstream, short enough for a probe that runs every few seconds. */
export const READY_TIMEOUT_MS = 3_000;
/** How long one readiness result answers every probe (from any number of callers) before the next check. */
export const READY_REUSE_MS = 2_000;

const NO_STORE = { "cache-control": "no-store" };

/** Alive: this process answers HTTP. Touches nothing else. */
export function healthResponse(): Response {
  return Response.json({ status: "ok" }, { headers: NO_STORE });
}

function defaultChecks(): Record<string, Check> {
  return {
    database: async () => {
      if (!(await ping(await getDatabase()))) throw new Error("the database gave no rows for select 1");
    },
    upstream: async () =>
      (await getUpstream()).probe(Math.min(READY_TIMEOUT_MS, env().ELEVENLABS_TIMEOUT_MS)),
  };
}

// The checks failing at the last probe, so each failure is logged when it starts (per process).
const FAILING = Symbol.for("keydesk.readinessFailing");
type Slot = { [FAILING]?: Set<string> };

function logNewFailures(failures: CheckFailure[]): void {
  const slot = globalThis as Slot;
  const before = slot[FAILING] ?? new Set<string>();
  for (const failure of failures) {
    if (before.has(failure.check)) continue;
    if (failure.reason === "timed_out")
      console.error(`Keydesk: not ready: the ${failure.check} check took longer than ${READY_TIMEOUT_MS} ms`);
    else logServerError(`not ready: the ${failure.check} check failed`, failure.error);
  }
  slot[FAILING] = new Set(failures.map((failure) => failure.check));
}

// One shared, recently checked readiness per process (lib/ops/readiness.ts's shareRecent).
const SHARED = Symbol.for("keydesk.readiness");
type SharedSlot = { [SHARED]?: () => Promise<Readiness> };

function sharedReadiness(): Promise<Readiness> {
  const slot = globalThis as SharedSlot;
  slot[SHARED] ??= shareRecent(() => checkReadiness(defaultChecks(), READY_TIMEOUT_MS), READY_REUSE_MS);
  return slot[SHARED]();
}

/**
 * Ready: the database answers a trivial query and the upstream an authenticated read. 200 or 503.
 * `checks` replaces the real ones (tests); the real ones are shared between callers (sharedReadiness).
 */
export async function readyResponse(checks?: Record<string, Check>): Promise<Response> {
  const { ready, failures } = checks
    ? await checkReadiness(checks, READY_TIMEOUT_MS)
    : await sharedReadiness();
  logNewFailures(failures);
  return Response.json(
    { status: ready ? "ready" : "not_ready" },
    { status: ready ? 200 : 503, headers: NO_STORE },
  );
}
