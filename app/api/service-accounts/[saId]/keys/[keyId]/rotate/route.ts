// Rotating a key (admins): a paired replacement, its secret shown once and never cached.
import { withRole } from "@/lib/api/with-role";
import { keyDeps } from "@/lib/api/deps";
import { keyParamsSchema, rotateKey } from "@/lib/keys";
import { toPublicKey } from "@/lib/keys/view";

export const POST = withRole(
  ["admin"],
  { params: keyParamsSchema },
  async ({ user: actor, info, params }) => {
    const rotated = await rotateKey(await keyDeps(actor), { actor, info }, params.saId, params.keyId);
    return Response.json(
      { ...rotated, key: toPublicKey(rotated.key) },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  },
);
