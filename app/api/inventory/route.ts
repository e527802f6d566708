// Every key of every service account, for the inventory and the overview (one upstream call).
import { withRole } from "@/lib/api/with-role";
import { keyDeps } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { readInventory } from "@/lib/inventory/read";

export const GET = withRole(ROLES, {}, async () => readInventory(await keyDeps()));
