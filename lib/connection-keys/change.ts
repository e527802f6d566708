// Changing a key on a connection: only the fields given are sent upstream, so two people editing
// different fields never undo each other. Settings and the on/off switch are separate upstream
// operations (KeyClient.change, setEnabled), so each is its own audit row: key_updated, then
// key_enabled or key_disabled. Everything is checked (role, group, the provider's capabilities)
// before the first write.
import "server-only";
import type { AuditChanges } from "@/lib/audit/types";
import type { ConnectionDeps } from "@/lib/connections";
import { connectionKeysToWrite } from "./writable";
import type { ConnectionActionContext } from "@/lib/connections/types";
import { checkCanDisable, checkChanges, checkRef } from "@/lib/providers/guard";
import { ApiError } from "@/lib/http/api-error";
import type { KeyChanges, ProviderCapabilities, ProviderKey } from "@/lib/providers/types";
import { connectionKeyEvent, type KeyTarget } from "./audit";
import { auditedWrite } from "./audited";
import { keyRefOf } from "./group";
import { readKey } from "./load";
import { providerCall } from "./provider-call";
import { checkChangeRole } from "./roles";
import type { ChangedConnectionKeyAnswer, ConnectionKeyChangeBody } from "./types";
import { connectionKeyView } from "./view";

/** The settings fields of a change, without `enabled` and `reason` and without the ones left out. */
function settingsOf(body: ConnectionKeyChangeBody): KeyChanges {
  const settings = Object.entries(body).filter(
    ([field, value]) => value !== undefined && field !== "enabled" && field !== "reason",
  );
  return Object.fromEntries(settings) as KeyChanges;
}

/** What each changed field was before, in the same terms as the change. */
function before(key: ProviderKey, field: keyof KeyChanges): unknown {
  const r = key.restrictions;
  switch (field) {
    case "name":
      return key.name;
    case "permissions":
      return { kind: key.permissions.kind, value: key.permissions.value };
    case "characterLimit":
      return r.characterLimit?.limit ?? null;
    case "ipAllowlist":
      return r.ipAllowlist ?? null;
    case "allowedOrigins":
      return r.allowedOrigins ?? null;
    case "assistants":
      return r.assistants ?? null;
  }
}

function auditChanges(key: ProviderKey, changes: KeyChanges): AuditChanges {
  const audit: AuditChanges = {};
  for (const field of Object.keys(changes) as (keyof KeyChanges)[]) {
    const was = before(key, field);
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
