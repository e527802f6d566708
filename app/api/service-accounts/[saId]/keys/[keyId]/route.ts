// Changing a key (admins anything; support only enabled, with a reason) and deleting one (admins).
import { withRole } from "@/lib/api/with-role";
import { getDatabase } from "@/lib/db";
import { getUpstream } from "@/lib/elevenlabs/upstream";
import { deleteKey, keyParamsSchema, updateKey } from "@/lib/keys";
import { keyChangeSchema } from "@/lib/schemas/keys";
import { toPublicKey } from "@/lib/keys-ui/key-view";

export const PATCH = withRole(["admin", "support"], { params: keyParamsSchema, body: keyChangeSchema }, async ({ user: actor, info, params, body }) => {
  const [upstream, { db }] = await Promise.all([getUpstream(), getDatabase()]);
  return { key: toPublicKey(await updateKey({ upstream, db }, { actor, info }, params.saId, params.keyId, body)) };
});

export const DELETE = withRole(["admin"], { params: keyParamsSchema }, async ({ user: actor, info, params }) => {
  const [upstream, { db }] = await Promise.all([getUpstream(), getDatabase()]);
  return { deleted: await deleteKey({ upstream, db }, { actor, info }, params.saId, params.keyId) };
});
