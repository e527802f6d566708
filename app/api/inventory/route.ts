// Every key of every service account, for the inventory and the overview (one upstream call, shared
// for a few seconds; `?fresh=1` asks for a read that begins now).
import { withRole } from "@/lib/api/with-role";
import { keyDeps } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { freshQuerySchema } from "@/lib/inventory/fresh-query";
import { readInventory } from "@/lib/inventory/read";

export const GET = withRole(ROLES, { query: freshQuerySchema }, async ({ user, query }) =>
  readInventory(await keyDeps(user), { fresh: query.fresh === "1" }),
);
