// One service account's keys, and creating a key (admins). The answer to a create carries the
// secret, once: never cached.
import { withRole } from "@/lib/api/with-role";
import { keyDeps } from "@/lib/api/deps";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { grantsAll } from "@/lib/auth/step-up-policy";
import { ROLES } from "@/lib/roles";
import { createKey, listKeys, serviceAccountParamsSchema } from "@/lib/keys";
import { newKeySchema } from "@/lib/keys/schema";
import { toPublicKey } from "@/lib/keys/view";

export const GET = withRole(ROLES, { params: serviceAccountParamsSchema }, async ({ user, params }) => ({
  keys: (await listKeys(await keyDeps(user), params.saId)).map(toPublicKey),
}));

export const POST = withRole(
  ["admin"],
  { params: serviceAccountParamsSchema, body: newKeySchema },
  async ({ user: actor, info: requestInfo, params, body }) => {
    const info = grantsAll(body)
      ? await requireRecentSignIn({ user: actor, info: requestInfo })
      : requestInfo;
    const created = await createKey(await keyDeps(actor), { actor, info }, params.saId, body);
    return Response.json(
      { ...created, key: toPublicKey(created.key) },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  },
);
