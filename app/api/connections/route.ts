// The connections Keydesk manages, and adding one (after a live check of its credential). Admins only.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { addConnection, connectionView, listConnections } from "@/lib/connections";
import { newConnectionSchema } from "@/lib/connections/schema";

export const GET = withRole(["admin"], {}, async () => ({
  connections: (await listConnections(await connectionDeps())).map(connectionView),
}));

export const POST = withRole(["admin"], { body: newConnectionSchema }, async ({ user, info, body }) => {
  const added = await addConnection(await connectionDeps(), { actor: user, info }, body);
  return Response.json(added, { status: 201 });
});
