// Switching a key of another connection off or on (the inventory's bulk actions): admins, and
// support with a reason; a bulk run needs a recent sign-in, as for the primary workspace's keys.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { isBulkRequest } from "@/lib/auth/step-up-policy";
import {
  connectionKeyParamsSchema,
  connectionKeySwitchSchema,
  switchConnectionKey,
} from "@/lib/inventory/connection-switch";

export const PATCH = withRole(
  ["admin", "support"],
  { params: connectionKeyParamsSchema, body: connectionKeySwitchSchema },
  async ({ req, user: actor, info: requestInfo, params, body }) => {
    const info = isBulkRequest(req)
      ? await requireRecentSignIn({ user: actor, info: requestInfo })
      : requestInfo;
    const key = await switchConnectionKey(
      await connectionDeps(),
      { actor, info },
      params.connectionId,
      params.keyId,
      body,
    );
    return { key };
  },
);
