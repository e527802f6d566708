// The watch job: every few minutes (KEYDESK_WATCH_INTERVAL_MINUTES), with nobody looking, read every
// connection the way the pages do (lib/connections/read-all.ts), so a change made outside Keydesk is
// noticed and written to the audit log (lib/observed) within one period, and record each key's usage
// for its page's chart, and tell about keys that newly break a key policy (policy-alerts.ts).
// Alerts are published (lib/alerts/events.ts), never delivered from here.
//
// Doing a period twice (a retry after a crash) has the effect of doing it once: the observation
// compares with the last read (a change already recorded is not recorded again), and the samples
// are keyed by key and period.
import "server-only";
import { publishAlert } from "@/lib/alerts/events";
import type { ConnectionDeps } from "@/lib/connections/list";
import { primaryConnection } from "@/lib/connections/primary";
import { readAllConnections } from "@/lib/connections/read-all";
import type { JobDefinition, JobRun, JobSummary } from "../types";
import { crossedThreshold, limitAlert } from "./limit-alerts";
import { lastAuditId, outsideChangeAlerts } from "./outside-alerts";
import { policyBrokenAlerts } from "./policy-alerts";
import { readPrimaryConnection } from "./primary-read";
import { sampleKey, samplesBefore, samplesOf, writeSamples } from "./samples";

export const WATCH_JOB = "watch";

/** Whom the watch reads as: every connection, as an admin's pages would (no user limits apply). */
const WATCHER = { id: "keydesk-watch-job", role: "admin" as const };

/**
 * Every connection, each observed against its own snapshot: the primary workspace through its own
 * read (primary-read.ts; readAllConnections does not observe it), the others as the pages read them.
 * In the connections' order, the primary first as listConnections puts it.
 */
async function readEveryConnection(deps: ConnectionDeps) {
  const primary = await primaryConnection(deps);
  const [primaryRead, others] = await Promise.all([
    primary ? readPrimaryConnection(deps.db, primary) : null,
    readAllConnections(deps, WATCHER, { exclude: primary ? [primary.id] : [] }),
  ]);
  return primaryRead ? [primaryRead, ...others] : others;
}

export async function runWatch(
  deps: ConnectionDeps,
  run: Pick<JobRun, "id" | "periodStart">,
): Promise<JobSummary> {
  const before = await lastAuditId(deps.db);
  const reads = await readEveryConnection(deps);
  const at = run.periodStart.toISOString();
  const samples = samplesOf(reads, run.periodStart);
  const names = new Map(
    reads.flatMap((r) => (r.ok ? r.keys.map((k) => [`${r.connection.id}\n${k.id}`, k.name]) : [])),
  );
  const written = await writeSamples(deps.db, samples);
  let limitAlerts = 0;
  const limited = written.filter((sample) => sample.limit !== null && sample.used !== null);
  const previous = await samplesBefore(deps.db, limited, at);
  for (const sample of limited) {
    const threshold = crossedThreshold(previous.get(sampleKey(sample)) ?? null, sample);
    if (threshold === null) continue;
    limitAlerts++;
    await publishAlert(
      limitAlert(sample, threshold, names.get(`${sample.connectionId}\n${sample.keyId}`) ?? null),
    );
  }
  const outside = await outsideChangeAlerts(deps.db, run.id, before);
  for (const alert of outside) await publishAlert(alert);
  const policy = await policyBrokenAlerts(deps.db, reads);
  for (const alert of policy) await publishAlert(alert);
  const failed = reads.filter((r) => !r.ok);
  return {
    connections: reads.length,
    unreadable: failed.length,
    // Which ones, by id (never their error text: an upstream's words stay on the pages that read it).
    unreadableConnections: failed.map((r) => r.connection.id).join(", ") || null,
    keys: samples.length,
    samplesWritten: written.length,
    outsideChanges: outside.length,
    limitAlerts,
    policyAlerts: policy.length,
  };
}

export function watchJob(deps: () => Promise<ConnectionDeps>, everyMinutes: number): JobDefinition {
  return {
    name: WATCH_JOB,
    everySeconds: everyMinutes > 0 ? everyMinutes * 60 : null,
    retryLimit: 2,
    // Every connection's read ends within its own time limit (a minute at most); a run still going
    // after this long is taken as dead and tried again.
    expireInSeconds: 240,
    run: async (run) => runWatch(await deps(), run),
  };
}
