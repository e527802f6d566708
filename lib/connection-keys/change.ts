// Changing a key on a connection: only the fields given are sent upstream, so two people editing
// different fields never undo each other; for the same field, `expected` (what the edit saw) makes
// a change made meanwhile a 409 instead of being overwritten (expected.ts). Settings and the on/off switch are separate upstream
// operations (KeyClient.change, setEnabled), so each is its own audit row: key_updated, then
// key_enabled or key_disabled. Everything is checked (role, group, the provider's capabilities)
// before the first write.
import "server-only";
import { assertKeyKeepsPolicies } from "@/lib/policies/enforce";
import { changedPolicyFields, intendedAfterChange } from "./policy-subject";
import type { AuditChanges } from "@/lib/audit/types";
import type { ConnectionDeps } from "@/lib/connections";
import { connectionKeysToWrite } from "./writable";
import type { ConnectionActionContext } from "@/lib/connections/types";
import { checkCanDisable, checkChanges, checkRef } from "@/lib/providers/guard";
import { ApiError } from "@/lib/http/api-error";
import type { KeyChanges, ProviderCapabilities, ProviderKey } from "@/lib/providers/types";
import { connectionKeyEvent, type KeyTarget } from "./audit";
import { movedFields, valueOf } from "./expected";
import { auditedWrite } from "./audited";
import { keyRefOf } from "./group";
import { readKey } from "./load";
import { providerCall } from "./provider-call";
import { checkChangeRole } from "./roles";
import type { ChangedConnectionKeyAnswer, ConnectionKeyChangeBody } from "./types";
import { connectionKeyView } from "./view";

/** The settings fields of a change, without `enabled`, `reason`, `expected` and the ones left out. */
function settingsOf(body: ConnectionKeyChangeBody): KeyChanges {
  const settings = Object.entries(body).filter(
    ([field, value]) =>
      value !== undefined && field !== "enabled" && field !== "reason" && field !== "expected",
  );
  return Object.fromEntries(settings) as KeyChanges;
}

function auditChanges(key: ProviderKey, changes: KeyChanges): AuditChanges {
  const audit: AuditChanges = {};
  for (const field of Object.keys(changes) as (keyof KeyChanges)[]) {
    const was = valueOf(key, field);
    const after =
      field === "assistants" ? { ...(was as object | null), ...changes.assistants } : changes[field];
    audit[field] = { before: was, after };
  }
  return audit;
}

/**
 * An expired key of a provider that freezes them (DocSpace) cannot change: said before anything is
 * sent, rather than after the upstream's bare `false`.
 */
function checkNotFrozen(caps: ProviderCapabilities, key: ProviderKey): void {
  if (!caps.expiredKeysAreFrozen || !key.expiresAt || Date.parse(key.expiresAt) > Date.now()) return;
  throw new ApiError(
    "conflict",
    `This key expired on ${key.expiresAt}; ${caps.label} keys cannot change once expired. Rotate or delete it.`,
  );
}

/**
 * A field the edit changes that moved since the person began (its `expected` no longer holds): a
 * 409 with the key as it is now, before anything is sent or recorded.
 */
function checkNotMoved(current: ProviderKey, body: ConnectionKeyChangeBody): void {
  const moved = movedFields(current, body.expected);
  if (moved.length === 0) return;
  throw new ApiError(
    "conflict",
    `Someone else changed ${moved.join(", ")} of this key since you began. Review the key as it is now and try again.`,
    {
      fields: moved.map((f) => ({ path: [f], message: "Changed by someone else since you began" })),
      current: connectionKeyView(current),
    },
  );
}

export async function changeConnectionKey(
  deps: ConnectionDeps,
  ctx: ConnectionActionContext,
  connectionId: string,
  keyId: string,
  group: string | undefined,
  body: ConnectionKeyChangeBody,
): Promise<ChangedConnectionKeyAnswer> {
  checkChangeRole(ctx.actor.role, body);
  const { connection, capabilities, client } = await connectionKeysToWrite(deps, ctx.actor, connectionId);
  const ref = keyRefOf(capabilities, keyId, group);
  const changes = settingsOf(body);
  const changesSettings = Object.keys(changes).length > 0;
  await providerCall(async () => {
    checkRef(ref);
    if (changesSettings) checkChanges(capabilities, changes);
    if (body.enabled !== undefined) checkCanDisable(capabilities);
  });

  const current = await readKey(client, ref);
  checkNotFrozen(capabilities, current);
  checkNotMoved(current, body);
  if (changesSettings)
    await assertKeyKeepsPolicies(deps.db, intendedAfterChange(current, changes), capabilities, {
      changed: changedPolicyFields(changes),
    });
  const target: KeyTarget = {
    connection,
    keyId: current.id,
    name: current.name,
    groupId: ref.group?.id ?? null,
  };
  const reason = body.reason ?? null;
  const observed = { id: connection.id, capabilities };
  let key = current;
  if (changesSettings) {
    const event = connectionKeyEvent(ctx, "key_updated", target, auditChanges(current, changes), reason);
    key = await auditedWrite(deps.db, event, () => client.change(ref, changes), undefined, {
      connection: observed,
      changes: (changed) => [{ kind: "changed", key: changed, fields: Object.keys(changes) }],
    });
  }
  if (body.enabled !== undefined) {
    const enabled = body.enabled;
    const event = connectionKeyEvent(
      ctx,
      enabled ? "key_enabled" : "key_disabled",
      { ...target, name: key.name },
      { enabled: { before: current.enabled, after: enabled } },
      reason,
    );
    key = await auditedWrite(deps.db, event, () => client.setEnabled(ref, enabled), undefined, {
      connection: observed,
      changes: (changed) => [{ kind: "changed", key: changed, fields: ["enabled"] }],
    });
  }
  return { key: connectionKeyView(key) };
}
