// "Disable now" for a key found in another connection than the primary one: the connection found
// and the person's access to it checked (lib/connections' connectionKeys: a 404, then a 403), the
// provider asked whether it can disable at all (a 422 on connectionId when it cannot, before any
// upstream call: the leak response there is rotate or delete, on the connection's key page), the
// key read so the audit row names it and an already-disabled key is reported rather than written
// again, then one write through the provider's client. On the audit log as key_disabled with the
// connection, the key, the reason and the upstream's outcome (an attempt row, then its completion).
import "server-only";
import { audited } from "@/lib/audit";
import { stepUpDetails } from "@/lib/auth/step-up";
import { connectionKeys } from "@/lib/connections/key-client";
import type { ConnectionDeps } from "@/lib/connections/list";
import { ApiError } from "@/lib/http/api-error";
import type { KeyActionContext } from "@/lib/keys";
import { fromProviderError } from "@/lib/providers/errors";
import type { KeyRef } from "@/lib/providers/types";
import { redactSecrets } from "@/lib/text/secret-pattern";
import type { DisableElsewhereBody } from "./disable-schema";
import { otherKey } from "./others";
import type { OtherKey } from "./types";

/** Upstream failures as the envelope (with the upstream's request id); ours pass on unchanged. */
async function upstream<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw ApiError.is(error) ? error : fromProviderError(error);
  }
}

export async function disableElsewhere(
  deps: ConnectionDeps,
  ctx: KeyActionContext,
  body: DisableElsewhereBody,
): Promise<OtherKey> {
  if (ctx.actor.role !== "admin" && ctx.actor.role !== "support")
    throw new ApiError("forbidden", "Disabling a key needs the support or admin role.");
  const { connection, capabilities, client } = await connectionKeys(deps, ctx.actor, body.connectionId);
  if (!capabilities.disable) {
    const message = `${capabilities.label} keys cannot be disabled: rotate or delete this key on the connection's page.`;
    throw new ApiError("validation_failed", message, { fields: [{ path: ["connectionId"], message }] });
  }
  const current = (await upstream(() => client.list())).find((k) => k.id === body.keyId);
  if (!current)
    throw new ApiError("not_found", `${connection.name} has no such key (it may have been deleted).`);
  if (current.enabled === false)
    throw new ApiError(
      "conflict",
      `${current.name} is already disabled: someone else changed it since you searched.`,
      {
        current: otherKey(current),
      },
    );

  const ref: KeyRef = { id: current.id, group: current.group ? { id: current.group.id } : null };
  const updated = await upstream(() =>
    audited(
      deps.db,
      {
        action: "key_disabled",
        actor: { userId: ctx.actor.id, email: ctx.actor.email, role: ctx.actor.role },
        ip: ctx.info.ip,
        userAgent: ctx.info.userAgent,
        requestId: ctx.info.requestId,
        target: {
          connectionId: connection.id,
          serviceAccountId: current.group?.id ?? null,
          keyId: current.id,
          // Names come from the upstream, where anyone may have pasted a secret into one.
          name: redactSecrets(current.name),
        },
        changes: { enabled: { before: true, after: false } },
        reason: body.reason,
        details: { provider: connection.provider, ...stepUpDetails(ctx.info) },
      },
      // The upstream's own error, so the audit row keeps its status and request id.
      () => client.setEnabled(ref, false),
    ),
  );
  return otherKey(updated);
}
