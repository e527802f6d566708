// Changing a key (admins anything; support only enabled, with a reason) and deleting one (admins).
import { withRole } from "@/lib/api/with-role";
import { keyDeps } from "@/lib/api/deps";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { grantsAll, isBulkRequest } from "@/lib/auth/step-up-policy";
import { changeKey, keyParamsSchema, removeKey } from "@/lib/keys";
import { keyChangeSchema } from "@/lib/keys/schema";
import { toPublicKey } from "@/lib/keys/view";

export const PATCH = withRole(
  ["admin", "support"],
  { params: keyParamsSchema, body: keyChangeSchema },
  async ({ req, user: actor, info: requestInfo, params, body }) => {
    // Granting every permission, or one change of a bulk run, needs a recent sign-in.
    const info =
      grantsAll(body) || isBulkRequest(req)
        ? await requireRecentSignIn({ user: actor, info: requestInfo })
        : requestInfo;
    const { key, reconciled } = await changeKey(
      await keyDeps(actor),
      { actor, info },
      params.saId,
      params.keyId,
      body,
    );
    // `reconciled`: the upstream answered with an error, but re-reading showed the change in place.
    return { key: toPublicKey(key), ...(reconciled ? { reconciled } : {}) };
  },
);

export const DELETE = withRole(
  ["admin"],
  { params: keyParamsSchema },
  async ({ user: actor, info: requestInfo, params }) => {
    const info = await requireRecentSignIn({ user: actor, info: requestInfo });
    const { deleted, reconciled } = await removeKey(
      await keyDeps(actor),
      { actor, info },
      params.saId,
      params.keyId,
    );
    return { deleted, ...(reconciled ? { reconciled } : {}) };
  },
);
