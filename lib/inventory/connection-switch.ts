// Switching a key of another connection off or on, for the inventory's bulk actions: through the
// connection's key client (lib/providers' setEnabled), for a user whose access includes the
// connection, where the provider can disable keys at all (capabilities.disable; where it cannot,
// a 422 naming `enabled`, before anything is sent upstream). Audited as an attempt before the
// upstream call and its completion after, with the connection on the row (target.connectionId).
// Writes are not retried; an answer lost to a timeout or a 5xx is recorded as "unknown".
import "server-only";
import { beginAttempt, completeAttempt } from "@/lib/audit/attempt";
import type { SessionUser } from "@/lib/auth/session";
import { connectionKeys, type ConnectionDeps } from "@/lib/connections";
import { ApiError } from "@/lib/http/api-error";
import type { RequestInfo } from "@/lib/http/request-info";
import { reasonSchema } from "@/lib/keys/schema";
import { fromProviderError } from "@/lib/providers";
import * as z from "@/lib/text/zod-mini";
import { safeText } from "@/lib/text/safe-text";
import { toOtherInventoryKey } from "./read-others";
import type { InventoryKey } from "./types";

const idSchema = safeText().check(z.minLength(1, "Missing id"), z.maxLength(200, "That id is too long"));

export const connectionKeyParamsSchema = z.object({ connectionId: idSchema, keyId: idSchema });

export const connectionKeySwitchSchema = z.object({
  enabled: z.boolean({ error: "Use true or false" }),
  reason: z.optional(reasonSchema),
});

export type ConnectionKeySwitch = z.output<typeof connectionKeySwitchSchema>;

/** Statuses after which the upstream may have made the change anyway: the outcome is not known. */
const UNCERTAIN = new Set(["upstream_error", "upstream_unavailable", "upstream_timeout"]);

export async function switchConnectionKey(
  deps: ConnectionDeps,
  { actor, info }: { actor: SessionUser; info: RequestInfo },
  connectionId: string,
  keyId: string,
  { enabled, reason }: ConnectionKeySwitch,
): Promise<InventoryKey> {
  // As for the primary workspace's keys: a disable, or any change by support, says why.
  if (!reason && (!enabled || actor.role !== "admin"))
    throw new ApiError("validation_failed", "reason: Give a reason", {
      fields: [{ path: ["reason"], message: "Give a reason" }],
    });
  const opened = await connectionKeys(deps, actor, connectionId);
  if (!opened.capabilities.disable) {
    const message = `${opened.capabilities.label} keys cannot be disabled or enabled; rotate or delete the key instead.`;
    throw new ApiError("validation_failed", message, { fields: [{ path: ["enabled"], message }] });
  }
  const attempt = await beginAttempt(deps.db, {
    action: enabled ? "key_enabled" : "key_disabled",
    actor: { userId: actor.id, email: actor.email, role: actor.role },
    ip: info.ip,
    userAgent: info.userAgent,
    requestId: info.requestId,
    target: { connectionId, keyId },
    changes: { enabled: { before: !enabled, after: enabled } },
    reason: reason ?? null,
    details: { provider: opened.connection.provider },
  });
  try {
    const key = await opened.client.setEnabled({ id: keyId }, enabled);
    await completeAttempt(deps.db, attempt.id, { outcome: "ok" });
    return toOtherInventoryKey(key);
  } catch (error) {
    const apiError = fromProviderError(error);
    const upstreamRequestId = apiError.extra.upstreamRequestId ?? null;
    await completeAttempt(deps.db, attempt.id, {
      outcome: UNCERTAIN.has(apiError.code) ? "unknown" : "error",
      errorCode: apiError.code,
      upstreamRequestId,
    });
    throw apiError;
  }
}
