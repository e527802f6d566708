// Delivery in a running server: subscribes to the alert bus once (each event becomes pending
// deliveries, then a run sends them at once), and runs due deliveries on a timer so retries happen.
// The job engine (lib/jobs) will call runDueDeliveries on its own schedule; the timer stays harmless
// then (a delivery is claimed before it is sent, deliveries.ts). Called from instrumentation.ts.
import "server-only";
import { logServerError } from "@/lib/log/server-error";
import { alertDeps } from "./deps";
import { recordAlert, runDueDeliveries } from "./dispatcher";
import { onAlert } from "./events";

const TICK_MS = 30_000;

interface Started {
  stop: () => void;
}

// One per process, even if the module is loaded twice (dev reloads, the server's several bundles).
const STARTED = Symbol.for("keydesk.alerts.delivery");
const holder = globalThis as { [STARTED]?: Started };

let running: Promise<unknown> | null = null;

/** One run at a time in this process; a run asked for while one is under way is folded into it. */
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
  const timer = setInterval(() => void runNow(), TICK_MS);
  timer.unref();
  const started = {
    stop: () => {
      off();
      clearInterval(timer);
      delete holder[STARTED];
    },
  };
  holder[STARTED] = started;
  return started;
}
