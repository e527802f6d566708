// Every key of every service account, for the inventory and the overview (one upstream call).
import { withRole } from "@/lib/api/with-role";
import { ROLES } from "@/lib/roles";
import { getDatabase } from "@/lib/db";
import { getUpstream } from "@/lib/elevenlabs/upstream";
import { readInventory } from "@/lib/inventory/read";

export const GET = withRole(ROLES, {}, async () => {
  const [upstream, { db }] = await Promise.all([getUpstream(), getDatabase()]);
  return readInventory({ upstream, db });
});
