// One alert to one channel, by the channel's type. The only place a channel's secret is opened; it is
// handed to the transport and to the error scrubber, nowhere else.
import "server-only";
import { guardedFetch } from "@/lib/http/upstream-address-fetch";
import type { StoredChannel } from "./channel-store";
import type { AlertEvent } from "./events";
import { alertSubject, alertText, maskedEvent } from "./message";
import { sendEmail } from "./send-email";
import { sendSlack, sendWebhook, type FetchLike } from "./send-http";
import { DeliveryFailure, type SendResult } from "./send-result";
import { errorText, scrubError } from "./scrub";
import type { EmailConfig, WebhookConfig } from "./types";

export interface SendOutcome {
  ok: boolean;
  responseStatus: number | null;
  /** Why it failed, scrubbed of the secret; null when it was delivered. */
  error: string | null;
}

export interface SendOptions {
  fetch?: FetchLike;
  now?: Date;
  /** The delivery's id, for the webhook's X-Keydesk-Delivery header (0 for a test). */
  deliveryId: number;
}

/** The webhook's body: the delivery id, when it was sent, and the event. */
export function webhookBody(deliveryId: number, event: AlertEvent, sentAt: Date): string {
  return JSON.stringify({ delivery: deliveryId, sentAt: sentAt.toISOString(), event: maskedEvent(event) });
}

async function sendBy(
  channel: StoredChannel,
  secret: string | null,
  event: AlertEvent,
  options: SendOptions,
) {
  // The guarded fetch: an address Keydesk may not reach (cloud metadata, and loopback or the private
  // network unless KEYDESK_ALLOW_PRIVATE_UPSTREAMS allows them) is refused at connect time, as for
  // connections' upstreams (lib/http/upstream-address-fetch.ts), so a channel cannot probe inside.
  const fetchFn = options.fetch ?? ((url, init) => guardedFetch(url, init));
  const now = options.now ?? new Date();
  switch (channel.type) {
    case "webhook": {
      if (!secret) throw new DeliveryFailure("The channel has no signing secret.", null);
      const body = webhookBody(options.deliveryId, event, now);
      return sendWebhook(fetchFn, (channel.config as WebhookConfig).url, secret, {
        id: options.deliveryId,
        kind: event.kind,
        body,
        sentAt: now,
      });
    }
    case "slack":
      if (!secret) throw new DeliveryFailure("The channel has no URL.", null);
      return sendSlack(fetchFn, secret, alertText(event));
    case "email":
      return sendEmail(channel.config as EmailConfig, secret, {
        subject: alertSubject(event),
        text: alertText(event),
      });
  }
}

/** Sends `event` on `channel`; never throws: a failure is an outcome for the delivery log. */
export async function sendAlert(
  channel: StoredChannel,
  event: AlertEvent,
  options: SendOptions,
): Promise<SendOutcome> {
  let secret: string | null = null;
  try {
    secret = channel.secret();
    const result: SendResult = await sendBy(channel, secret, event, options);
    return { ok: true, responseStatus: result.responseStatus, error: null };
  } catch (error) {
    const status = error instanceof DeliveryFailure ? error.responseStatus : null;
    return { ok: false, responseStatus: status, error: scrubError(errorText(error), [secret]) };
  }
}
