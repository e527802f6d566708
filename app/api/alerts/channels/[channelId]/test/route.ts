// Sends a test alert to one channel now and answers how it went (also in the delivery log). Admins only.
import { withRole } from "@/lib/api/with-role";
import { testChannel } from "@/lib/alerts";
import { alertDeps } from "@/lib/alerts/deps";
import { channelIdParamsSchema } from "@/lib/alerts/schema";

export const POST = withRole(
  ["admin"],
  { params: channelIdParamsSchema },
  async ({ user, info, params }) => ({
    test: await testChannel(await alertDeps(), { actor: user, info }, params.channelId),
  }),
);
