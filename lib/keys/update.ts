// Changing a key. Only the fields the person changed go upstream, so two people editing different
// fields never undo each other. For the same field, the edit carries what it started from
// (`expected`); the key is re-read just before writing, and if a changed field moved meanwhile the
// answer is 409 with the key as it is now, and nothing is written. That read is the one upstream
// call besides the write: the answer is the key as read with the change applied, not a second read.
// An uncertain answer from the upstream is reconciled by re-reading the key (reconcile.ts).
import "server-only";
import { assertKeyKeepsPolicies } from "@/lib/policies/enforce";
import { ELEVENLABS_CAPABILITIES } from "@/lib/providers/elevenlabs/capabilities";
import { changedPolicyFields, intendedKey, PRIMARY_FIELD_NAMES } from "./policy-subject";
import type { AuditChanges } from "@/lib/audit/types";
import { ApiError } from "@/lib/http/api-error";
import type { ApiKey, KeyChanges } from "@/lib/elevenlabs/types";
import { EDITABLE_FIELDS, type EditableField, type KeyChangeBody } from "./schema";
import { recordOwnChangeQuietly } from "@/lib/observed";
import { keyEvent } from "./audit";
import { sameValue } from "./compare";
import { UpstreamError } from "@/lib/elevenlabs/errors";
import { readKey } from "./list";
import { finishRotations, withRotations } from "./pairing";
import { auditedWrite, notAppliedOrUnknown, UncertainWrite, type Check, type Reconciled } from "./reconcile";
import type { KeyAction } from "@/lib/audit/actions";
import type { KeyActionContext, KeyDeps } from "./types";
import { toPublicKey } from "./view";

/** Support may only switch a key on or off, and must say why. */
function checkRole(ctx: KeyActionContext, change: KeyChangeBody, fields: EditableField[]): void {
  if (ctx.actor.role === "admin") return;
  if (ctx.actor.role !== "support")
    throw new ApiError("forbidden", "Your role does not allow changing keys.");
  const others = fields.filter((f) => f !== "enabled");
  if (others.length > 0) {
    throw new ApiError(
      "forbidden",
      `Support may only enable or disable a key, not change ${others.join(", ")}.`,
      {
        fields: others.map((f) => ({ path: [f], message: "Support may only enable or disable a key" })),
      },
    );
  }
  if (!change.reason) {
    throw new ApiError("validation_failed", "reason: Give a reason for enabling or disabling the key", {
      fields: [{ path: ["reason"], message: "Give a reason" }],
    });
  }
}

function actionFor(changes: KeyChanges): KeyAction {
  const fields = Object.keys(changes);
  if (fields.length === 1 && changes.enabled !== undefined)
    return changes.enabled ? "key_enabled" : "key_disabled";
  return "key_updated";
}

/** What re-reading shows of a change: all sent fields at their new values, all at their old ones, or neither. */
function checkChange(key: ApiKey | undefined, current: ApiKey, changes: KeyChanges): Check<ApiKey> {
  if (!key) return { outcome: "unknown" }; // gone meanwhile: the change cannot be judged
  const fields = Object.keys(changes) as EditableField[];
  if (fields.every((f) => sameValue(f, key[f], changes[f]))) return { outcome: "applied", found: key };
  if (fields.every((f) => sameValue(f, key[f], current[f]))) return { outcome: "not_applied" };
  return { outcome: "unknown" };
}

/** The key as it is now (as readKey reads it), with its service account's keys, to pair again after a change. */
async function readCurrent(
  { upstream, db }: KeyDeps,
  serviceAccountId: string,
  keyId: string,
): Promise<{ current: ApiKey; keys: ApiKey[] }> {
  const keys = await withRotations(db, await upstream.listKeys(serviceAccountId));
  const current = keys.find((k) => k.id === keyId);
  if (!current)
    throw new UpstreamError({
      kind: "not_found",
      message: "ElevenLabs has no such key (it may have been deleted).",
    });
  return { current, keys };
}

/**
 * The key after the upstream accepted `changes`, as a read-back would list it: the sent fields at
 * their new values (the schema normalised them as the upstream does); switching it on or off
 * clears why it was off; permissions sent replace any Keydesk does not know. `rotation`: as paired
 * after the change (a disabled old key leaves its rotation).
 */
function changedKey(current: ApiKey, changes: KeyChanges, rotation: ApiKey["rotation"]): ApiKey {
  return {
    ...current,
    ...changes,
    ...(changes.enabled !== undefined ? { disableReason: null } : {}),
    ...(changes.permissions !== undefined ? { unknownPermissions: [] } : {}),
    rotation: rotation ?? null,
  };
}

export const SAVED_DESPITE_ERROR = "Saved (the upstream answered with an error, but the change is in place).";

/** The change, and, when the upstream's error hid a success, what to tell the person. */
export async function changeKey(
  deps: KeyDeps,
  ctx: KeyActionContext,
  serviceAccountId: string,
  keyId: string,
  change: KeyChangeBody,
): Promise<{ key: ApiKey; reconciled: Reconciled | null }> {
  const fields = EDITABLE_FIELDS.filter((f) => change[f] !== undefined);
  checkRole(ctx, change, fields);

  const { current, keys } = await readCurrent(deps, serviceAccountId, keyId);
  const moved = fields.filter((f) => !sameValue(f, current[f], change.expected[f]));
  if (moved.length > 0) {
    throw new ApiError(
      "conflict",
      `Someone else changed ${moved.join(", ")} of this key since you began. Review the key as it is now and try again.`,
      {
        fields: moved.map((f) => ({ path: [f], message: "Changed by someone else since you began" })),
        current: toPublicKey(current),
      },
    );
  }

  // Fields already at their new value need no write (and no audit row).
  const changes: KeyChanges = {};
  const audit: AuditChanges = {};
  for (const f of fields) {
    if (sameValue(f, current[f], change[f])) continue;
    (changes as Record<string, unknown>)[f] = change[f];
    audit[f] = { before: current[f], after: change[f] };
  }
  if (Object.keys(changes).length === 0) return { key: current, reconciled: null };
  // An enforced policy about what this change sets (not a switch or a rename): refused unsent.
  await assertKeyKeepsPolicies(deps.db, intendedKey({ ...current, ...changes }), ELEVENLABS_CAPABILITIES, {
    ...PRIMARY_FIELD_NAMES,
    changed: changedPolicyFields(Object.keys(changes)),
  });

  const event = keyEvent(
    ctx,
    actionFor(changes),
    { serviceAccountId, keyId, name: current.name },
    audit,
    change.reason ?? null,
  );
  // Only the fields sent, with the completion row: see lib/observed/own-change.ts.
  const ownChange = { kind: "updated", keyId, changes } as const;
  // Disabling the old key of a rotation finishes it.
  const finishing = changes.enabled === false;
  let finished = 0;
  let reconciled: Reconciled | null = null;
  try {
    await auditedWrite<void, ApiKey>(deps.db, event, {
      write: () => deps.upstream.updateKey(serviceAccountId, keyId, changes),
      ownChange: () => ownChange,
      done: async (_, db) => {
        if (finishing) finished = await finishRotations(db, keyId, ctx.actor.id, "old");
        return [];
      },
      check: async () =>
        checkChange(
          (await deps.upstream.listKeys(serviceAccountId)).find((k) => k.id === keyId),
          current,
          changes,
        ),
      recordFound: () => recordOwnChangeQuietly(deps.db, ownChange),
    });
  } catch (error) {
    if (!(error instanceof UncertainWrite)) throw error;
    if (error.check.outcome !== "applied") throw notAppliedOrUnknown(error, "the change was saved");
    reconciled = { outcome: "applied", message: SAVED_DESPITE_ERROR };
  }
  if (!reconciled) {
    // Pairing changes only when a rotation was finished: then it is worked out again from the read.
    const rotation =
      finished > 0
        ? (await withRotations(deps.db, keys)).find((k) => k.id === keyId)!.rotation
        : current.rotation;
    return { key: changedKey(current, changes, rotation), reconciled };
  }

  // After an uncertain answer, the key as it is now.
  if (finishing) await finishRotations(deps.db, keyId, ctx.actor.id, "old");
  try {
    return { key: await readKey(deps, serviceAccountId, keyId), reconciled };
  } catch {
    // The change was made; if the read-back fails, answer with what it must now be.
    const key = {
      ...current,
      ...changes,
      ...(changes.enabled ? { disableReason: null } : {}),
      rotation:
        changes.enabled === false && current.rotation?.role === "old" ? null : (current.rotation ?? null),
    };
    return { key, reconciled };
  }
}

export async function updateKey(
  deps: KeyDeps,
  ctx: KeyActionContext,
  serviceAccountId: string,
  keyId: string,
  change: KeyChangeBody,
): Promise<ApiKey> {
  return (await changeKey(deps, ctx, serviceAccountId, keyId, change)).key;
}
