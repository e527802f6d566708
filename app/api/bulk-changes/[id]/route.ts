// One bulk change with every key's outcome (lib/bulk/view.ts): for anyone whose role may make one.
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { bulkChangeParamsSchema } from "@/lib/bulk/schema";
import { bulkChangeDetail } from "@/lib/bulk/view";

export const GET = withRole(
  ["admin", "support"],
  { params: bulkChangeParamsSchema },
  async ({ user, params }) => ({
    change: await bulkChangeDetail(await database(), params.id, user),
  }),
);
