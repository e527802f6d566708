// Changing a connection's key (admins anything; support only enabled, with a reason to disable) and
// deleting one (admins, recent sign-in, an optional `{ reason }`). `?group=` names the key's group
// where the provider has groups.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { optionalJsonBody } from "@/lib/api/optional-json-body";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { isBulkRequest } from "@/lib/auth/step-up-policy";
import { changeConnectionKey, deleteConnectionKey } from "@/lib/connection-keys";
import {
  connectionKeyChangeSchema,
  connectionKeyParamsSchema,
  deleteConnectionKeySchema,
  keyGroupQuerySchema,
} from "@/lib/connection-keys/schema";

export const PATCH = withRole(
  ["admin", "support"],
  { params: connectionKeyParamsSchema, query: keyGroupQuerySchema, body: connectionKeyChangeSchema },
  async ({ req, user, info: requestInfo, params, query, body }) => {
    // Granting every permission, or one change of a bulk run (All keys), needs a recent sign-in.
    const info =
      body.permissions?.value === "all" || isBulkRequest(req)
        ? await requireRecentSignIn({ user, info: requestInfo })
        : requestInfo;
    const { connectionId, keyId } = params;
    return changeConnectionKey(
      await connectionDeps(),
      { actor: user, info },
      connectionId,
      keyId,
      query.group,
      body,
    );
  },
);

export const DELETE = withRole(
  ["admin"],
  { params: connectionKeyParamsSchema, query: keyGroupQuerySchema },
  async ({ req, user, info: requestInfo, params, query }) => {
    const body = await optionalJsonBody(req, deleteConnectionKeySchema);
    const info = await requireRecentSignIn({ user, info: requestInfo });
    const { connectionId, keyId } = params;
    return deleteConnectionKey(
      await connectionDeps(),
      { actor: user, info },
      connectionId,
      keyId,
      query.group,
      body,
    );
  },
);
