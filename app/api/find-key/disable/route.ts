// "Disable now" for a key found in another connection than the primary one (the primary's keys go
// through the keys route, as before). Support and admins, as there; lib/find-key does the work.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { disableElsewhere } from "@/lib/find-key/disable-elsewhere";
import { disableElsewhereBodySchema } from "@/lib/find-key/disable-schema";

export const POST = withRole(
  ["admin", "support"],
  { body: disableElsewhereBodySchema },
  async ({ user: actor, info, body }) => ({
    key: await disableElsewhere(await connectionDeps(), { actor, info }, body),
  }),
);
