// "Disable now" for a key found in another connection than the primary one: the connection found
// and the person's access to it checked (a 404, then a 403; the primary workspace is refused, its
// keys go through the keys route), the provider asked whether it can disable at all (a 422 on
// connectionId when it cannot, before any upstream call: the leak response there is rotate or
// delete, on the connection's key page), and the key read so an already-disabled key is reported
// rather than written again. The write itself is lib/connection-keys' change (one setEnabled,
// audited as key_disabled with the connection, the key and the reason), as on the key page.
// `expected` (what the person saw when they searched, at least `enabled: true`) goes with it: a key
// changed since is a 409 with the key as it is now, here or in the change's own read just before
// the write (lib/connection-keys/expected.ts), so a change in between is never written over.
import "server-only";
import { changeConnectionKey } from "@/lib/connection-keys";
import { connectionKeysToWrite } from "@/lib/connection-keys/writable";
import type { ConnectionDeps } from "@/lib/connections/list";
import { ApiError } from "@/lib/http/api-error";
import type { KeyActionContext } from "@/lib/keys";
import { fromProviderError } from "@/lib/providers/errors";
import type { ProviderKey } from "@/lib/providers/types";
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
  if (current.enabled === false || movedSinceSeen(current, body.expected)) throw changedSince(current);
  try {
    const { key } = await changeConnectionKey(deps, ctx, connection.id, current.id, current.group?.id, {
      enabled: false,
      reason: body.reason,
      ...(body.expected ? { expected: body.expected } : {}),
    });
    // A key read back after a change may not carry its group's name (lib/providers DECISIONS.md).
    return otherKey({ ...key, group: current.group });
  } catch (error) {
    // The change's own read found the key moved after ours: the same 409, in Find a key's terms.
    const now = ApiError.is(error) && error.code === "conflict" ? conflictKey(error) : null;
    throw now ? changedSince({ ...now, group: current.group }) : error;
  }
}

/** The fields of a key Find a key shows (OtherKey), as the upstream's read or a 409's `current` has them. */
type SeenKey = Pick<ProviderKey, "id" | "name" | "group" | "owner" | "hint" | "enabled">;

/** Does the key differ from what the person saw (only the fields they sent)? */
function movedSinceSeen(current: ProviderKey, seen: DisableElsewhereBody["expected"]): boolean {
  return seen?.enabled !== undefined && seen.enabled !== current.enabled;
}

/** The key as a 409 from the change names it (lib/connection-keys' `current`), if it does. */
function conflictKey(error: ApiError): SeenKey | null {
  const current = error.extra.current as SeenKey | undefined;
  return current && typeof current.id === "string" ? current : null;
}

/** The 409 for a key that changed since the search, with the key as it is now (never a secret). */
function changedSince(current: SeenKey): ApiError {
  const now =
    current.enabled === false
      ? "it is already disabled, so nothing more is needed"
      : "disabling it now would act on a key you have not seen";
  return new ApiError(
    "conflict",
    `${current.name} changed since you searched: ${now}. Search again to see it as it is now.`,
    { current: otherKey(current) },
  );
}
