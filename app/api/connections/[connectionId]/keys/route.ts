// A connection's keys (every role allowed on the connection), and creating one (admins; "all"
// needs a recent sign-in). The answer to a create carries the secret, once: never cached.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { ROLES } from "@/lib/roles";
import { createConnectionKey, listConnectionKeys } from "@/lib/connection-keys";
import { connectionKeysParamsSchema, newConnectionKeySchema } from "@/lib/connection-keys/schema";

export const GET = withRole(ROLES, { params: connectionKeysParamsSchema }, async ({ user, params }) =>
  listConnectionKeys(await connectionDeps(), user, params.connectionId),
);

export const POST = withRole(
  ["admin"],
  { params: connectionKeysParamsSchema, body: newConnectionKeySchema },
  async ({ user, info: requestInfo, params, body }) => {
    const info =
      body.permissions.value === "all" ? await requireRecentSignIn({ user, info: requestInfo }) : requestInfo;
    const created = await createConnectionKey(
      await connectionDeps(),
      { actor: user, info },
      params.connectionId,
      body,
    );
    return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
  },
);
