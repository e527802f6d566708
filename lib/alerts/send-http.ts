// Webhook and Slack deliveries: one POST, 10 seconds at most, redirects not followed (a receiver
// that redirects could send the request somewhere the URL check never saw). Any 2xx is delivered;
// anything else is a failure with the status kept for the log.
import "server-only";
import { outboundUrlProblem } from "./outbound-url";
import { DeliveryFailure, type SendResult } from "./send-result";
import { signBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./signature";

const TIMEOUT_MS = 10_000;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

async function post(
  fetchFn: FetchLike,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<SendResult> {
  const problem = outboundUrlProblem(url);
  if (problem) throw new DeliveryFailure(problem, null);
  const response = await fetchFn(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "Keydesk-Alerts/1", ...headers },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  // The body is not needed (and not logged: a receiver may echo what it got); drop it.
  await response.body?.cancel().catch(() => undefined);
  if (response.status >= 200 && response.status < 300) return { responseStatus: response.status };
  throw new DeliveryFailure(`The receiver answered HTTP ${response.status}.`, response.status);
}

export interface WebhookDelivery {
  id: number;
  kind: string;
  body: string;
  sentAt: Date;
}

/** A signed webhook: the raw body's HMAC with the timestamp, as signature.ts describes. */
export function sendWebhook(fetchFn: FetchLike, url: string, secret: string, delivery: WebhookDelivery) {
  const timestamp = Math.floor(delivery.sentAt.getTime() / 1000);
  return post(fetchFn, url, delivery.body, {
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signBody(secret, timestamp, delivery.body),
    "x-keydesk-event": delivery.kind,
    "x-keydesk-delivery": String(delivery.id),
  });
}

/** A Slack-compatible incoming webhook: `{ "text": … }` to the URL (the URL is the secret). */
export function sendSlack(fetchFn: FetchLike, url: string, text: string) {
  return post(fetchFn, url, JSON.stringify({ text }), {});
}
