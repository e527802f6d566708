// Which connections a user may use (none listed: every one). Admins only.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { connectionLimits, setUserConnectionLimits } from "@/lib/connections";
import { userConnectionsSchema } from "@/lib/connections/schema";
import { userIdParamsSchema } from "@/lib/users/schema";

export const GET = withRole(["admin"], { params: userIdParamsSchema }, async ({ params }) => {
  const deps = await connectionDeps();
  return { connectionIds: await connectionLimits(deps.db, params.userId) };
});

export const PUT = withRole(
  ["admin"],
  { params: userIdParamsSchema, body: userConnectionsSchema },
  async ({ user, info, params, body }) => ({
    connectionIds: await setUserConnectionLimits(
      await connectionDeps(),
      { actor: user, info },
      params.userId,
      body.connectionIds,
    ),
  }),
);
