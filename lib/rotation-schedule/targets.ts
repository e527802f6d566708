// The key a schedule finishes, reached through the same libs a person's finish goes through:
// lib/keys for the primary ElevenLabs workspace (which records Keydesk's own change and closes the
// rotation pairing), lib/connection-keys for any other connection. The job and the routes see one
// shape: read the key as it is now, disable it, delete it.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { connectionKeys, type ConnectionDeps } from "@/lib/connections";
import { changeConnectionKey, deleteConnectionKey } from "@/lib/connection-keys";
import { isPrimaryConnectionId } from "@/lib/connection-ids";
import { PRIMARY_WRITE_REFUSAL } from "@/lib/connection-keys/writable";
import { primaryConnectionId } from "@/lib/elevenlabs/connection-id";
import { ApiError } from "@/lib/http/api-error";
import type { RequestInfo } from "@/lib/http/request-info";
import { changeKey, removeKey, type KeyDeps } from "@/lib/keys";
import { withRotations } from "@/lib/keys/pairing";

/** How the schedule table names the primary workspace, whichever of its two ids this process uses. */
export const PRIMARY = "primary";

export interface KeyNow {
  /** Still listed upstream. */
  present: boolean;
  enabled: boolean;
  name: string | null;
  /** The key's rotation as Keydesk pairs it (the primary workspace only). */
  rotation: { role: "old" | "new"; partnerKeyId: string } | null;
}

export interface ActingAs {
  actor: SessionUser;
  info: RequestInfo;
}

export interface FinishTarget {
  /** `rotation_finish.connection_id`: PRIMARY or the connection's id. */
  storedConnectionId: string;
  /** The connection id the audit rows carry. */
  auditConnectionId: string;
  keyId: string;
  groupId: string | null;
  /** Whether the provider can switch a key off at all (Voiceable cannot). */
  canDisable(actor: ActingAs["actor"]): Promise<boolean>;
  read(actor: ActingAs["actor"]): Promise<KeyNow>;
  disable(as: ActingAs, reason: string): Promise<void>;
  delete(as: ActingAs, reason: string): Promise<void>;
}

export function primaryTarget(deps: KeyDeps, serviceAccountId: string, keyId: string): FinishTarget {
  return {
    storedConnectionId: PRIMARY,
    auditConnectionId: primaryConnectionId(),
    keyId,
    groupId: serviceAccountId,
    canDisable: async () => true,
    async read() {
      // The list read, paired as the pages pair it (lib/keys/list.ts readKey, without its 404).
      const keys = await withRotations(deps.db, await deps.upstream.listKeys(serviceAccountId));
      const key = keys.find((k) => k.id === keyId);
      if (!key) return { present: false, enabled: false, name: null, rotation: null };
      return { present: true, enabled: key.enabled, name: key.name, rotation: key.rotation ?? null };
    },
    async disable(as, reason) {
      await changeKey(deps, as, serviceAccountId, keyId, {
        enabled: false,
        reason,
        expected: { enabled: true },
      });
    },
    async delete(as) {
      await removeKey(deps, as, serviceAccountId, keyId);
    },
  };
}

/** Another connection's key. The primary workspace's keys are finished through lib/keys (primaryTarget): a 409 here. */
export function connectionTarget(
  deps: ConnectionDeps,
  connectionId: string,
  keyId: string,
  group: string | null,
): FinishTarget {
  if (isPrimaryConnectionId(connectionId)) throw new ApiError("conflict", PRIMARY_WRITE_REFUSAL);
  return {
    storedConnectionId: connectionId,
    auditConnectionId: connectionId,
    keyId,
    groupId: group,
    async canDisable(actor) {
      const { capabilities } = await connectionKeys(deps, actor, connectionId);
      return capabilities.disable;
    },
    async read(actor) {
      const { client } = await connectionKeys(deps, actor, connectionId);
      const keys = await client.list();
      const key = keys.find((k) => k.id === keyId && (group === null || k.group?.id === group));
      if (!key) return { present: false, enabled: false, name: null, rotation: null };
      // A provider without on/off (enabled null) has every listed key working.
      return { present: true, enabled: key.enabled !== false, name: key.name, rotation: null };
    },
    async disable(as, reason) {
      await changeConnectionKey(deps, as, connectionId, keyId, group ?? undefined, {
        enabled: false,
        reason,
      });
    },
    async delete(as, reason) {
      await deleteConnectionKey(deps, as, connectionId, keyId, group ?? undefined, { reason });
    },
  };
}
