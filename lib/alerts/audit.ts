// Channel changes on the audit record: who, from where, which channel (its name as the target, its
// id and type in the details). Never the secret, not even its last four characters.
import "server-only";
import { appendAudit } from "@/lib/audit/append";
import type { AuditOutcome } from "@/lib/audit/types";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import type { RequestInfo } from "@/lib/http/request-info";
import type { ChannelView } from "./types";

export type ChannelAction = "alert_channel_created" | "alert_channel_removed" | "alert_channel_tested";

export interface ChannelActionContext {
  actor: SessionUser;
  info: RequestInfo;
}

export async function recordChannelAction(
  db: Db,
  ctx: ChannelActionContext,
  action: ChannelAction,
  channel: Pick<ChannelView, "id" | "name" | "type">,
  outcome: AuditOutcome = { outcome: "ok" },
): Promise<void> {
  await appendAudit(db, {
    action,
    actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
    requestId: ctx.info.requestId,
    target: { name: channel.name },
    details: { channelId: channel.id, channelType: channel.type },
    ...outcome,
  });
}
