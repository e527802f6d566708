// Which connections a user may use (none listed: every one). Admins only; a change widens or narrows
// what someone may do, like a role change, so it needs a recent sign-in (step-up-policy.ts).
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { connectionLimits, setUserConnectionLimits } from "@/lib/connections";
import { userConnectionsSchema } from "@/lib/connections/schema";
import { userIdParamsSchema } from "@/lib/users/schema";
import { requireRecentSignIn } from "@/lib/auth/step-up";

export const GET = withRole(["admin"], { params: userIdParamsSchema }, async ({ params }) => {
  const deps = await connectionDeps();
  return { connectionIds: await connectionLimits(deps.db, params.userId) };
});

export const PUT = withRole(
  ["admin"],
  { params: userIdParamsSchema, body: userConnectionsSchema },
  async ({ user, info: requestInfo, params, body }) => {
    const info = await requireRecentSignIn({ user, info: requestInfo });
    return {
      connectionIds: await setUserConnectionLimits(
        await connectionDeps(),
        { actor: user, info },
        params.userId,
        body.connectionIds,
      ),
    };
  },
);
