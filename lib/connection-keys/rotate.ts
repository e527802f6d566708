// Rotating a key on a connection: in place where the provider can, otherwise a twin with the old
// key's settings and then the old key deleted (lib/providers/rotate.ts). The twin's secret is
// answered once; when the old key could not be deleted the answer says so and the twin still comes
// back. One audit row, key_rotated, naming the old key and the twin's id (never its secret).
import "server-only";
import { appendAudit, errorOutcome } from "@/lib/audit";
import type { ConnectionDeps } from "@/lib/connections";
import { connectionKeysToWrite } from "./writable";
import type { ConnectionActionContext } from "@/lib/connections/types";
import { fromRefusal, ProviderRefusal } from "@/lib/providers";
import type { ConnectionOwnChange } from "@/lib/observed";
import type { ProviderCapabilities, ProviderKey, RotationResult } from "@/lib/providers/types";
import { connectionKeyEvent } from "./audit";
import { auditedWrite } from "./audited";
import { keyRefOf } from "./group";
import { readKey } from "./load";
import { checkRotateRole } from "./roles";
import type { RotateConnectionKeyBody, RotatedConnectionKeyAnswer } from "./types";
import { connectionKeyView } from "./view";

/** The twin's lifetime fits the provider's expiry, checked before anything is sent. */
function checkLifetime(caps: ProviderCapabilities, days: number | null | undefined): void {
  if (days === undefined || days === null) return;
  if (!caps.expiry)
    throw fromRefusal(
      new ProviderRefusal("not_supported", ["expiresInDays"], `${caps.label} keys have no expiry.`),
    );
  if (days < caps.expiry.minDays || days > caps.expiry.maxDays)
    throw fromRefusal(
      new ProviderRefusal(
        "invalid",
        ["expiresInDays"],
        `${caps.label} keys expire after ${caps.expiry.minDays} to ${caps.expiry.maxDays} whole days.`,
      ),
    );
}

/**
 * What a rotation changed, for the connection's snapshot: a twin made (or, rotated in place, the
 * same key with every setting as answered), and the old key gone when its delete went through.
 */
function ownChanges(old: ProviderKey, result: RotationResult): ConnectionOwnChange[] {
  const twin = result.twin.key;
  if (twin.id === old.id) return [{ kind: "changed", key: twin, fields: "all" }];
  const changes: ConnectionOwnChange[] = [{ kind: "created", key: twin }];
  if (result.old.outcome === "deleted") changes.push({ kind: "deleted", key: old });
  return changes;
}

function answer(result: RotationResult): RotatedConnectionKeyAnswer {
  const old = result.old;
  return {
    style: result.style,
    twin: { key: connectionKeyView(result.twin.key), secret: result.twin.secret },
    old:
      old.outcome === "deleted"
        ? { id: old.id, outcome: "deleted" }
        : { id: old.id, outcome: "delete_failed", message: old.error.message },
  };
}

export async function rotateConnectionKey(
  deps: ConnectionDeps,
  ctx: ConnectionActionContext,
  connectionId: string,
  keyId: string,
  group: string | undefined,
  body: RotateConnectionKeyBody,
): Promise<RotatedConnectionKeyAnswer> {
  const { connection, capabilities, client } = await connectionKeysToWrite(deps, ctx.actor, connectionId);
  checkRotateRole(ctx.actor.role, capabilities);
  const ref = keyRefOf(capabilities, keyId, group);
  checkLifetime(capabilities, body.expiresInDays);
  const current = await readKey(client, ref);
  const event = connectionKeyEvent(
    ctx,
    "key_rotated",
    { connection, keyId: current.id, name: current.name, groupId: ref.group?.id ?? null },
    { style: { before: null, after: capabilities.rotation } },
    body.reason ?? null,
  );
  const options = body.expiresInDays !== undefined ? { expiresInDays: body.expiresInDays } : {};
  const result = await auditedWrite(
    deps.db,
    event,
    () => client.rotate(ref, options),
    (r) => r.twin.key.id,
    { connection: { id: connection.id, capabilities }, changes: (r) => ownChanges(current, r) },
  );
  // The twin exists either way; an old key left behind is recorded as a failed delete, so the log
  // shows it still works until someone deletes it.
  if (result.old.outcome === "delete_failed")
    await appendAudit(deps.db, {
      ...connectionKeyEvent(
        ctx,
        "key_deleted",
        { connection, keyId: current.id, name: current.name, groupId: ref.group?.id ?? null },
        null,
        body.reason ?? null,
      ),
      ...errorOutcome(result.old.error),
    });
  return answer(result);
}
