// Rotating a connection's key: admins; support too where the provider cannot disable (rotation is
// then its leak response). The twin's secret is answered once: never cached.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { optionalJsonBody } from "@/lib/api/optional-json-body";
import { rotateConnectionKey } from "@/lib/connection-keys";
import {
  connectionKeyParamsSchema,
  keyGroupQuerySchema,
  rotateConnectionKeySchema,
} from "@/lib/connection-keys/schema";

export const POST = withRole(
  ["admin", "support"],
  { params: connectionKeyParamsSchema, query: keyGroupQuerySchema },
  async ({ req, user, info, params, query }) => {
    const body = await optionalJsonBody(req, rotateConnectionKeySchema);
    const { connectionId, keyId } = params;
    const rotated = await rotateConnectionKey(
      await connectionDeps(),
      { actor: user, info },
      connectionId,
      keyId,
      query.group,
      body,
    );
    return Response.json(rotated, { headers: { "cache-control": "no-store" } });
  },
);
