// Delivery in a running server. Subscribes to the alert bus once (each event becomes pending
// deliveries, then a run sends them at once, so an alert goes out without waiting), and defines the
// `alert-deliveries` job (lib/jobs): every 30 s, on whichever instance's worker takes the period's
// run, it sends what is due, which is how retries happen. A delivery is claimed before it is sent
// (deliveries.ts), so the immediate run, the job's run and another instance's never send one twice.
// startAlertDelivery is called from instrumentation.ts; the job is in keydeskJobs().
import "server-only";
import type { JobDefinition } from "@/lib/jobs/types";
import { logServerError } from "@/lib/log/server-error";
import { alertDeps } from "./deps";
import { recordAlert, runDueDeliveries, type AlertDeps } from "./dispatcher";
import { onAlert } from "./events";

export const ALERT_DELIVERIES_JOB = "alert-deliveries";
/** How often due deliveries (retries) are sent: the backoff's first step (backoff.ts) is 30 s. */
export const ALERT_DELIVERIES_EVERY_SECONDS = 30;

interface Started {
  stop: () => void;
}

// One per process, even if the module is loaded twice (dev reloads, the server's several bundles).
const STARTED = Symbol.for("keydesk.alerts.delivery");
const holder = globalThis as { [STARTED]?: Started };

let running: Promise<unknown> | null = null;

/** One immediate run at a time in this process; one asked for while one is under way is folded into it. */
function runNow(): Promise<unknown> {
  running ??= alertDeps()
    .then((deps) => runDueDeliveries(deps))
    .catch((error: unknown) => logServerError("alert deliveries could not run", error))
    .finally(() => {
      running = null;
    });
  return running;
}

export function startAlertDelivery(): Started {
  if (holder[STARTED]) return holder[STARTED];
  const off = onAlert(async (event) => {
    try {
      await recordAlert(await alertDeps(), event);
    } catch (error) {
      logServerError(`the alert "${event.kind}" could not be recorded`, error);
      return;
    }
    void runNow();
  });
  const started = {
    stop: () => {
      off();
      delete holder[STARTED];
    },
  };
  holder[STARTED] = started;
  return started;
}

/**
 * The scheduled run of due deliveries. A run that cannot reach the database fails (the jobs page
 * shows it) and is not retried: the next period's run is 30 s away. A channel that refuses is not a
 * failed run: that delivery is retried with backoff, and the run's summary counts it.
 */
export function alertDeliveriesJob(deps: () => Promise<AlertDeps> = alertDeps): JobDefinition {
  return {
    name: ALERT_DELIVERIES_JOB,
    everySeconds: ALERT_DELIVERIES_EVERY_SECONDS,
    retryLimit: 0,
    // A run sends at most a batch, each send bounded by its own timeouts (the claim's lease is 2 min).
    expireInSeconds: 120,
    run: async () => ({ ...(await runDueDeliveries(await deps())) }),
  };
}
