// One connection added on the page: rename it, or remove it. Admins only; removing needs a recent
// sign-in (step-up-policy.ts).
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { removeConnection, renameConnection } from "@/lib/connections";
import { connectionIdParamsSchema, renameConnectionSchema } from "@/lib/connections/schema";
import { requireRecentSignIn } from "@/lib/auth/step-up";

export const PATCH = withRole(
  ["admin"],
  { params: connectionIdParamsSchema, body: renameConnectionSchema },
  async ({ user, info, params, body }) => ({
    connection: await renameConnection(
      await connectionDeps(),
      { actor: user, info },
      params.connectionId,
      body.name,
    ),
  }),
);

export const DELETE = withRole(
  ["admin"],
  { params: connectionIdParamsSchema },
  async ({ user, info: requestInfo, params }) => {
    const info = await requireRecentSignIn({ user, info: requestInfo });
    await removeConnection(await connectionDeps(), { actor: user, info }, params.connectionId);
    return { removed: params.connectionId };
  },
);
