// Rotating a key: a new key with the old one's exact name, permissions, limit and allowlist, its
// secret shown once. The old key stays until the admin finishes the rotation by disabling or
// deleting it through Keydesk; until then the two are paired (see pairing.ts), and that pairing, not
// the name, tells them apart: the old key shows "Being replaced", the new one "Replacement", and the
// service account page and the overview say how many rotations are not finished (DECISIONS.md).
import "server-only";
import { toIsoAt } from "@/lib/audit/at";
import { ApiError } from "@/lib/http/api-error";
import type { NewKeyInput } from "@/lib/elevenlabs/types";
import { createAndReveal, type NewKeyResult } from "./create";
import { readKey } from "./list";
import { startRotation } from "./pairing";
import type { KeyActionContext, KeyDeps } from "./types";

export async function rotateKey(
  deps: KeyDeps,
  ctx: KeyActionContext,
  serviceAccountId: string,
  keyId: string,
): Promise<NewKeyResult> {
  const old = await readKey(deps, serviceAccountId, keyId);
  if (old.rotation?.role === "old") {
    throw new ApiError(
      "conflict",
      "This key is already being rotated: finish that rotation (disable or delete this key) first.",
      { current: old },
    );
  }
  if (old.unknownPermissions.length > 0) {
    // They could not be sent back upstream, and dropping them silently would narrow the new key.
    throw new ApiError(
      "conflict",
      `This key has permissions Keydesk does not know (${old.unknownPermissions.join(", ")}); rotate it in ElevenLabs instead.`,
    );
  }
  const input: NewKeyInput = {
    // The same name: whatever finds the key by name (a person, a script, a dashboard) finds the
    // new one too, and the old one's "Being replaced" mark says which is which meanwhile.
    name: old.name,
    permissions: old.permissions,
    characterLimit: old.characterLimit,
    allowedIps: old.allowedIps,
  };
  const changes = {
    rotatedFrom: { before: null, after: old.id },
    permissions: { before: old.permissions, after: input.permissions },
    characterLimit: { before: old.characterLimit, after: input.characterLimit ?? null },
    allowedIps: { before: old.allowedIps, after: input.allowedIps ?? null },
  };
  const result = await createAndReveal(
    deps,
    ctx,
    serviceAccountId,
    input,
    { action: "key_rotated", keyId: old.id, changes },
    async (newKeyId, db) => {
      const started = await startRotation(db, {
        serviceAccountId,
        oldKeyId: old.id,
        newKeyId,
        startedBy: ctx.actor.id,
      });
      // The new key's side of the pairing, as a read would show it (pairing.ts), the old key being there.
      return { role: "new", partnerKeyId: old.id, startedAt: toIsoAt(started.startedAt) };
    },
  );
  return result;
}
