// Rotating a key: a new key with the old one's name (suffixed), permissions, limit and allowlist,
// its secret shown once. The old key stays until the admin finishes the rotation by disabling or
// deleting it through Keydesk; until then the two are paired (see pairing.ts).
import "server-only";
import { toIsoAt } from "@/lib/audit/at";
import { ApiError } from "@/lib/http/api-error";
import type { NewKeyInput } from "@/lib/elevenlabs/types";
import { KEY_NAME_MAX } from "./schema";
import { createAndReveal, type NewKeyResult } from "./create";
import { readKey } from "./list";
import { startRotation } from "./pairing";
import type { KeyActionContext, KeyDeps } from "./types";

/** "name (rotated 2026-09-01)", shortening the name so the whole stays within the limit. */
export function rotatedName(name: string, now = new Date()): string {
  const suffix = ` (rotated ${now.toISOString().slice(0, 10)})`;
  const base = name.replace(/ \(rotated \d{4}-\d\d-\d\d\)$/, "");
  return `${base.slice(0, KEY_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
}

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
    name: rotatedName(old.name),
    permissions: old.permissions,
    characterLimit: old.characterLimit,
    allowedIps: old.allowedIps,
  };
  const changes = {
    rotatedFrom: { before: null, after: old.id },
    name: { before: old.name, after: input.name },
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
