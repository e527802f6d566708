// From a published event to deliveries: `recordAlert` writes one pending delivery per channel that
// takes the event (severity.ts), due now; `runDueDeliveries` sends what is due, one try each, and
// sets the next try with backoff (backoff.ts) or gives up after the last. The job engine calls
// runDueDeliveries periodically; until then start.ts calls it on a timer and right after each event.
import "server-only";
import type { Keyring } from "@/lib/connections/keys";
import type { Db } from "@/lib/db";
import { logServerError } from "@/lib/log/server-error";
import { findChannel, listChannels } from "./channel-store";
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt } from "./backoff";
import {
  claimDelivery,
  dueDeliveries,
  insertDeliveries,
  updateDelivery,
  type DeliveryRow,
} from "./deliveries";
import type { AlertEvent } from "./events";
import type { FetchLike } from "./send-http";
import { sendAlert } from "./send";
import { channelTakes } from "./severity";

export interface AlertDeps {
  db: Db;
  /** The encryption keys; made only when a channel's secret is opened. */
  keys: Keyring;
  /** The HTTP client for webhooks and Slack (tests may hand one in; the default is fetch). */
  fetch?: FetchLike;
}

/** How long a run holds a delivery it took: longer than one send's timeouts together. */
const LEASE_MS = 2 * 60_000;
/** Deliveries sent per run at most; the rest wait for the next. */
const BATCH = 25;

export async function recordAlert(
  deps: AlertDeps,
  event: AlertEvent,
  now = new Date(),
): Promise<DeliveryRow[]> {
  const channels = (await listChannels(deps.db, deps.keys)).filter((c) => channelTakes(c, event));
  return insertDeliveries(deps.db, event, channels, now);
}

export interface DeliveryRunSummary {
  sent: number;
  retrying: number;
  failed: number;
  dropped: number;
}

async function deliverOne(deps: AlertDeps, row: DeliveryRow, now: Date): Promise<keyof DeliveryRunSummary> {
  const channel = await findChannel(deps.db, deps.keys, row.channelId);
  if (!channel || !channel.enabled) {
    await updateDelivery(deps.db, row.id, {
      status: "dropped",
      attempts: row.attempts,
      nextAttemptAt: null,
      lastError: channel ? "The channel is turned off." : "The channel was removed.",
      responseStatus: null,
      at: now,
    });
    return "dropped";
  }
  const outcome = await sendAlert(channel, row.event as AlertEvent, {
    deliveryId: row.id,
    fetch: deps.fetch,
    now,
  });
  const attempts = row.attempts + 1;
  const next = outcome.ok ? null : nextAttemptAt(attempts, now);
  const status = outcome.ok ? "sent" : next ? "pending" : "failed";
  await updateDelivery(deps.db, row.id, {
    status,
    attempts,
    nextAttemptAt: next,
    lastError: outcome.error,
    responseStatus: outcome.responseStatus,
    at: now,
  });
  return status === "pending" ? "retrying" : status;
}

/** Sends every delivery due at `now` (up to a batch); returns how each ended. */
export async function runDueDeliveries(deps: AlertDeps, now = new Date()): Promise<DeliveryRunSummary> {
  const summary: DeliveryRunSummary = { sent: 0, retrying: 0, failed: 0, dropped: 0 };
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  for (const row of await dueDeliveries(deps.db, now, BATCH)) {
    if (!(await claimDelivery(deps.db, row, leaseUntil))) continue; // another run took it
    try {
      summary[await deliverOne(deps, row, now)]++;
    } catch (error) {
      // The database failed mid-way: the lease runs out and the delivery is due again.
      logServerError("an alert delivery could not be recorded", error);
    }
  }
  return summary;
}

export { MAX_DELIVERY_ATTEMPTS };
