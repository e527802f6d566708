// Deleting a key (permanent upstream). Audited with the key's settings as they were; deleting the
// old key of a rotation finishes it, deleting the new key abandons it. An uncertain answer from the
// upstream is reconciled by re-reading the service account's keys (reconcile.ts).
import "server-only";
import { recordOwnChangeQuietly, stateOfKey } from "@/lib/observed";
import { keyEvent } from "./audit";
import { readKey } from "./list";
import { finishRotations } from "./pairing";
import { auditedWrite, notAppliedOrUnknown, UncertainWrite, type Reconciled } from "./reconcile";
import type { KeyActionContext, KeyDeps } from "./types";

export const DELETED_DESPITE_ERROR = "Deleted (the upstream answered with an error, but the key is gone).";

/** The deletion, and, when the upstream's error hid a success, what to tell the person. */
export async function removeKey(
  deps: KeyDeps,
  ctx: KeyActionContext,
  serviceAccountId: string,
  keyId: string,
): Promise<{ deleted: { id: string; serviceAccountId: string }; reconciled: Reconciled | null }> {
  const key = await readKey(deps, serviceAccountId, keyId);
  const before = {
    name: key.name,
    enabled: key.enabled,
    permissions: key.permissions,
    characterLimit: key.characterLimit,
    allowedIps: key.allowedIps,
  };
  const changes = Object.fromEntries(
    Object.entries(before).map(([field, value]) => [field, { before: value, after: null }]),
  );
  // With the completion row: see lib/observed/own-change.ts.
  const ownChange = { kind: "deleted", serviceAccountId, keyId, state: stateOfKey(key) } as const;
  let reconciled: Reconciled | null = null;
  try {
    await auditedWrite<void, true>(
      deps.db,
      keyEvent(ctx, "key_deleted", { serviceAccountId, keyId, name: key.name }, changes),
      {
        write: () => deps.upstream.deleteKey(serviceAccountId, keyId),
        ownChange: () => ownChange,
        // Deleting the old key of a rotation finishes it; deleting the new one abandons it.
        done: async (_, db) => {
          await finishRotations(db, keyId, ctx.actor.id, "any");
          return [];
        },
        check: async () =>
          (await deps.upstream.listKeys(serviceAccountId)).some((k) => k.id === keyId)
            ? { outcome: "not_applied" }
            : { outcome: "applied", found: true },
        recordFound: () => recordOwnChangeQuietly(deps.db, ownChange),
      },
    );
  } catch (error) {
    if (!(error instanceof UncertainWrite)) throw error;
    if (error.check.outcome !== "applied") throw notAppliedOrUnknown(error, "the key was deleted");
    reconciled = { outcome: "applied", message: DELETED_DESPITE_ERROR };
    await finishRotations(deps.db, keyId, ctx.actor.id, "any");
  }
  return { deleted: { id: keyId, serviceAccountId }, reconciled };
}

export async function deleteKey(
  deps: KeyDeps,
  ctx: KeyActionContext,
  serviceAccountId: string,
  keyId: string,
): Promise<{ id: string; serviceAccountId: string }> {
  return (await removeKey(deps, ctx, serviceAccountId, keyId)).deleted;
}
