// Re-runs a connection's live check with its stored credential. Admins only.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { testConnection } from "@/lib/connections";
import { connectionIdParamsSchema } from "@/lib/connections/schema";

export const POST = withRole(
  ["admin"],
  { params: connectionIdParamsSchema },
  async ({ user, info, params }) =>
    testConnection(await connectionDeps(), { actor: user, info }, params.connectionId),
);
