// The connections Keydesk manages, and adding one (after a live check of its credential). Admins only;
// adding one hands Keydesk a new admin credential, so it needs a recent sign-in (step-up-policy.ts).
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { addConnection, connectionView, listConnections } from "@/lib/connections";
import { newConnectionSchema } from "@/lib/connections/schema";
import { requireRecentSignIn } from "@/lib/auth/step-up";

export const GET = withRole(["admin"], {}, async () => ({
  connections: (await listConnections(await connectionDeps())).map(connectionView),
}));

export const POST = withRole(
  ["admin"],
  { body: newConnectionSchema },
  async ({ user, info: requestInfo, body }) => {
    const info = await requireRecentSignIn({ user, info: requestInfo });
    const added = await addConnection(await connectionDeps(), { actor: user, info }, body);
    return Response.json(added, { status: 201 });
  },
);
