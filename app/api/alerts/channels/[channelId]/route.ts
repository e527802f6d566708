// Removing an alert channel. Admins only, with a recent sign-in (step-up-policy.ts). Its deliveries
// stay in the log; pending ones are dropped.
import { withRole } from "@/lib/api/with-role";
import { removeChannel } from "@/lib/alerts";
import { alertDeps } from "@/lib/alerts/deps";
import { channelIdParamsSchema } from "@/lib/alerts/schema";
import { requireRecentSignIn } from "@/lib/auth/step-up";

export const DELETE = withRole(
  ["admin"],
  { params: channelIdParamsSchema },
  async ({ user, info: requestInfo, params }) => {
    const info = await requireRecentSignIn({ user, info: requestInfo });
    await removeChannel(await alertDeps(), { actor: user, info }, params.channelId);
    return { removed: params.channelId };
  },
);
