// Every service account with its keys (one upstream call), and adding a service account (admins).
import { withRole } from "@/lib/api/with-role";
import { keyDeps } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { createServiceAccount, listServiceAccountViews } from "@/lib/keys";
import { newServiceAccountSchema } from "@/lib/keys/schema";
import { toPublicAccount } from "@/lib/keys/view";

export const GET = withRole(ROLES, {}, async ({ user }) => ({
  serviceAccounts: await listServiceAccountViews(await keyDeps(user)),
}));

export const POST = withRole(
  ["admin"],
  { body: newServiceAccountSchema },
  async ({ user: actor, info, body }) => {
    const serviceAccount = await createServiceAccount(await keyDeps(actor), { actor, info }, body.name);
    return Response.json({ serviceAccount: toPublicAccount(serviceAccount) }, { status: 201 });
  },
);
