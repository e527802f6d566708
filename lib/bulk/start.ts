// Starting a bulk change (POST /api/bulk-changes): every check a per-key request would make that
// can be made before anything is sent (the role for the action, a reason where support must give
// one, the user's access to each key's connection), then the change and its keys are stored and
// the job asked for, with an audit row saying who started what. A refused request stores nothing
// and sends nothing upstream. The keys themselves are changed by the job (run.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import { appendAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/session";
import { assertCanUseConnection, assertCanUsePrimaryConnection } from "@/lib/connections";
import { PRIMARY_CONNECTION_IDS } from "@/lib/connection-ids";
import type { Db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import type { RequestInfo } from "@/lib/http/request-info";
import type { JobEngine } from "@/lib/jobs/engine";
import { ROLES_FOR } from "./actor";
import { BULK_CHANGE_JOB } from "./job";
import type { BulkChangeBody } from "./schema";
import { insertBulkChange } from "./store";

export interface BulkStartContext {
  actor: SessionUser;
  info: RequestInfo;
}

/** What a per-key route would refuse at once, for every key, before anything is stored. */
async function checkAllowed(db: Db, actor: SessionUser, body: BulkChangeBody): Promise<void> {
  if (!(ROLES_FOR[body.action] as readonly string[]).includes(actor.role))
    throw new ApiError("forbidden", `Your role does not allow you to ${body.action} keys.`);
  if (actor.role === "support" && !body.reason)
    throw new ApiError("validation_failed", "reason: Give a reason for enabling or disabling the keys", {
      fields: [{ path: ["reason"], message: "Give a reason" }],
    });
  for (const id of new Set(body.keys.map((k) => k.connectionId))) {
    if (PRIMARY_CONNECTION_IDS.includes(id)) await assertCanUsePrimaryConnection(actor, db);
    else await assertCanUseConnection(actor, id, db);
  }
  const unnamed = body.keys.findIndex((k) => PRIMARY_CONNECTION_IDS.includes(k.connectionId) && !k.saId);
  if (unnamed >= 0)
    throw new ApiError("validation_failed", `keys.${unnamed}.saId: Name the key's service account`, {
      fields: [{ path: ["keys", unnamed, "saId"], message: "Name the key's service account" }],
    });
}

export async function startBulkChange(
  db: Db,
  engine: JobEngine | null,
  ctx: BulkStartContext,
  body: BulkChangeBody,
): Promise<{ id: string; runId: string }> {
  await checkAllowed(db, ctx.actor, body);
  if (!engine)
    throw new ApiError(
      "not_configured",
      "The job engine does not run in this server process (it starts with the production server), so a bulk change cannot run.",
    );
  const id = randomUUID();
  await insertBulkChange(db, {
    id,
    action: body.action,
    reason: body.reason ?? null,
    startedBy: { id: ctx.actor.id, email: ctx.actor.email },
    ip: ctx.info.ip,
    stepUp: ctx.info.stepUp ?? null,
    keys: body.keys.map((k) => ({
      connectionId: k.connectionId,
      keyId: k.keyId,
      groupId: k.saId ?? null,
      name: k.name ?? null,
      expectedEnabled: k.expected?.enabled ?? null,
    })),
  });
  const runId = await engine.runNow(BULK_CHANGE_JOB, ctx.actor.email, { bulkChangeId: id });
  await appendAudit(db, {
    action: "bulk_change_started",
    actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
    ip: ctx.info.ip,
    userAgent: ctx.info.userAgent,
    requestId: ctx.info.requestId,
    reason: body.reason ?? null,
    details: {
      bulkChangeId: id,
      action: body.action,
      keys: body.keys.length,
      runId,
      ...(ctx.info.stepUp ? { recentSignIn: true, verifiedAt: ctx.info.stepUp.verifiedAt } : {}),
    },
    outcome: "ok",
  });
  return { id, runId };
}
