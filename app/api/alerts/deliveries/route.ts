// The delivery log, newest first. Admins only.
import { withRole } from "@/lib/api/with-role";
import { recentDeliveries } from "@/lib/alerts";
import { alertDeps } from "@/lib/alerts/deps";

export const GET = withRole(["admin"], {}, async () => ({
  deliveries: await recentDeliveries((await alertDeps()).db),
}));
