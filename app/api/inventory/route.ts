// Every key of every service account of the primary workspace, for the inventory and the overview
// (one upstream call, shared for a few seconds; `?fresh=1` asks for a read that begins now), with
// that connection's name and capabilities. The other connections' keys: ./connections.
import { withRole } from "@/lib/api/with-role";
import { keyDeps } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { freshQuerySchema } from "@/lib/inventory/fresh-query";
import { readInventory } from "@/lib/inventory/read";
import { primaryConnection } from "@/lib/inventory/read-others";

export const GET = withRole(ROLES, { query: freshQuerySchema }, async ({ user, query }) => {
  const [inventory, connection] = await Promise.all([
    readInventory(await keyDeps(user), { fresh: query.fresh === "1" }),
    primaryConnection(),
  ]);
  // A shallow copy: the inventory object is shared between requests (read.ts).
  return { ...inventory, connection };
});
