// Cancels a bulk change: its starter or an admin (lib/bulk/cancel.ts). The keys not yet begun are
// left alone; audited.
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { cancelBulk } from "@/lib/bulk/cancel";
import { bulkChangeParamsSchema } from "@/lib/bulk/schema";
import { bulkChangeDetail } from "@/lib/bulk/view";

export const POST = withRole(
  ["admin", "support"],
  { params: bulkChangeParamsSchema },
  async ({ user, info, params }) => {
    const db = await database();
    const { cancelledKeys } = await cancelBulk(db, { actor: user, info }, params.id);
    return { cancelledKeys, change: await bulkChangeDetail(db, params.id, user) };
  },
);
