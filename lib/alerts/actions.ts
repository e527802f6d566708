// What admins do on the Alerts page: add a channel, send it a test, remove it. Each is on the audit
// log. A test goes to that channel alone, now, and is kept in the delivery log like any delivery
// (one try, no retries: the person is watching).
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { recordChannelAction, type ChannelActionContext } from "./audit";
import {
  channelView,
  deleteChannel,
  findChannel,
  insertChannel,
  listChannels,
  newChannelId,
  type ChannelInput,
} from "./channel-store";
import { insertDeliveries, updateDelivery } from "./deliveries";
import type { AlertDeps } from "./dispatcher";
import type { AlertEvent } from "./events";
import type { NewChannelInput } from "./schema";
import { sendAlert, type SendOutcome } from "./send";
import { assertSmtpHostAllowed } from "./smtp-host";
import type { ChannelView } from "./types";

function nameTaken(): ApiError {
  const message = "Another channel already has this name.";
  return new ApiError("validation_failed", `name: ${message}`, { fields: [{ path: ["name"], message }] });
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  return (e?.code ?? e?.cause?.code) === "23505";
}

/** The stored form of what the form sent: what may be shown in `config`, the secret apart. */
function channelInput(input: NewChannelInput, actorId: string): ChannelInput {
  const common = {
    id: newChannelId(),
    name: input.name,
    kinds: input.kinds ?? [],
    minSeverity: input.minSeverity ?? "info",
    createdBy: actorId,
  };
  switch (input.type) {
    case "webhook":
      return { ...common, type: "webhook", config: { url: input.url }, secret: input.secret };
    case "slack":
      return { ...common, type: "slack", config: { host: new URL(input.url).host }, secret: input.url };
    case "email":
      return {
        ...common,
        type: "email",
        config: {
          host: input.host,
          port: input.port,
          security: input.security,
          allowUntrustedCertificate: input.allowUntrustedCertificate ?? false,
          user: input.user || null,
          from: input.from,
          to: input.to,
        },
        secret: input.password ?? null,
      };
  }
}

export async function addChannel(
  deps: AlertDeps,
  ctx: ChannelActionContext,
  input: NewChannelInput,
): Promise<ChannelView> {
  const lower = input.name.toLowerCase();
  if ((await listChannels(deps.db, deps.keys)).some((c) => c.name.toLowerCase() === lower)) throw nameTaken();
  // An SMTP server where Keydesk may not go (smtp-host.ts) is a 422 on `host`, before anything is stored.
  if (input.type === "email") await assertSmtpHostAllowed(input.host);
  let stored;
  try {
    stored = await insertChannel(deps.db, deps.keys, channelInput(input, ctx.actor.id));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  await recordChannelAction(deps.db, ctx, "alert_channel_created", stored);
  return channelView(stored);
}

async function existing(deps: AlertDeps, id: string) {
  const found = await findChannel(deps.db, deps.keys, id);
  if (!found) throw new ApiError("not_found", "There is no such alert channel.");
  return found;
}

export async function removeChannel(deps: AlertDeps, ctx: ChannelActionContext, id: string): Promise<void> {
  const found = await existing(deps, id);
  await deleteChannel(deps.db, id);
  await recordChannelAction(deps.db, ctx, "alert_channel_removed", found);
}

export function testEvent(actorEmail: string, now: Date): AlertEvent {
  return {
    kind: "channel_test",
    severity: "info",
    title: "Test alert from Keydesk",
    body: `Sent by ${actorEmail} from the Alerts page to check this channel.`,
    at: now.toISOString(),
  };
}

export async function testChannel(
  deps: AlertDeps,
  ctx: ChannelActionContext,
  id: string,
  now = new Date(),
): Promise<SendOutcome & { deliveryId: number }> {
  const channel = await existing(deps, id);
  const event = testEvent(ctx.actor.email, now);
  // Not due for runDueDeliveries: this one is sent here, once.
  const [row] = await insertDeliveries(deps.db, event, [channel], now, false);
  const outcome = await sendAlert(channel, event, { deliveryId: row!.id, fetch: deps.fetch, now });
  await updateDelivery(deps.db, row!.id, {
    status: outcome.ok ? "sent" : "failed",
    attempts: 1,
    nextAttemptAt: null,
    lastError: outcome.error,
    responseStatus: outcome.responseStatus,
    at: now,
  });
  await recordChannelAction(
    deps.db,
    ctx,
    "alert_channel_tested",
    channel,
    outcome.ok
      ? { outcome: "ok" }
      : { outcome: "error", errorCode: "delivery_failed", upstreamStatus: outcome.responseStatus },
  );
  return { ...outcome, deliveryId: row!.id };
}
