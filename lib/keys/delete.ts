// Deleting a key (permanent upstream). Audited with the key's settings as they were; deleting the
// old key of a rotation finishes it, deleting the new key abandons it.
import "server-only";
import { audited } from "@/lib/audit";
import { recordOwnChangeQuietly, stateOfKey } from "@/lib/observed";
import { keyEvent } from "./audit";
import { readKey } from "./list";
import { finishRotations } from "./pairing";
import type { KeyActionContext, KeyDeps } from "./types";

export async function deleteKey(deps: KeyDeps, ctx: KeyActionContext, serviceAccountId: string, keyId: string): Promise<{ id: string; serviceAccountId: string }> {
  const key = await readKey(deps, serviceAccountId, keyId);
  const before = { name: key.name, enabled: key.enabled, permissions: key.permissions, characterLimit: key.characterLimit, allowedIps: key.allowedIps };
  const changes = Object.fromEntries(Object.entries(before).map(([field, value]) => [field, { before: value, after: null }]));
  await audited(deps.db, keyEvent(ctx, "key_deleted", { serviceAccountId, keyId, name: key.name }, changes), async () => {
    await deps.upstream.deleteKey(serviceAccountId, keyId);
    // Before the completion row: see lib/observed/own-change.ts.
    await recordOwnChangeQuietly(deps.db, { kind: "deleted", serviceAccountId, keyId, state: stateOfKey(key) });
  });
  await finishRotations(deps.db, keyId, ctx.actor.id, "any");
  return { id: keyId, serviceAccountId };
}
