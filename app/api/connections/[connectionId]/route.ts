// One connection added on the page: rename it, or remove it. Admins only.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { removeConnection, renameConnection } from "@/lib/connections";
import { connectionIdParamsSchema, renameConnectionSchema } from "@/lib/connections/schema";

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
  async ({ user, info, params }) => {
    await removeConnection(await connectionDeps(), { actor: user, info }, params.connectionId);
    return { removed: params.connectionId };
  },
);
