// "Disable now" for a key found in another connection than the primary one: the connection found
// and the person's access to it checked (a 404, then a 403; the primary workspace is refused, its
// keys go through the keys route), the provider asked whether it can disable at all (a 422 on
// connectionId when it cannot, before any upstream call: the leak response there is rotate or
// delete, on the connection's key page), and the key read so an already-disabled key is reported
// rather than written again. The write itself is lib/connection-keys' change (one setEnabled,
// audited as key_disabled with the connection, the key and the reason), as on the key page.
import "server-only";
import { changeConnectionKey } from "@/lib/connection-keys";
import { connectionKeysToWrite } from "@/lib/connection-keys/writable";
import type { ConnectionDeps } from "@/lib/connections/list";
import { ApiError } from "@/lib/http/api-error";
import type { KeyActionContext } from "@/lib/keys";
import { fromProviderError } from "@/lib/providers/errors";
import type { DisableElsewhereBody } from "./disable-schema";
import { otherKey } from "./others";
import type { OtherKey } from "./types";

export async function disableElsewhere(
  deps: ConnectionDeps,
  ctx: KeyActionContext,
  body: DisableElsewhereBody,
): Promise<OtherKey> {
  if (ctx.actor.role !== "admin" && ctx.actor.role !== "support")
    throw new ApiError("forbidden", "Disabling a key needs the support or admin role.");
  const { connection, capabilities, client } = await connectionKeysToWrite(
    deps,
    ctx.actor,
    body.connectionId,
  );
  if (!capabilities.disable) {
    const message = `${capabilities.label} keys cannot be disabled: rotate or delete this key on the connection's page.`;
    throw new ApiError("validation_failed", message, { fields: [{ path: ["connectionId"], message }] });
  }
  const keys = await client.list().catch((error: unknown) => {
    throw ApiError.is(error) ? error : fromProviderError(error);
  });
  const current = keys.find((k) => k.id === body.keyId);
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
  const { key } = await changeConnectionKey(deps, ctx, connection.id, current.id, current.group?.id, {
    enabled: false,
    reason: body.reason,
  });
  // A key read back after a change may not carry its group's name (lib/providers DECISIONS.md).
  return otherKey({ ...key, group: current.group });
}
