// Every service account with its keys (one upstream call), and adding a service account (admins).
import { withRole } from "@/lib/api/with-role";
import { ROLES } from "@/lib/roles";
import { getDatabase } from "@/lib/db";
import { getUpstream } from "@/lib/elevenlabs/upstream";
import { createServiceAccount, listServiceAccounts } from "@/lib/keys";
import { newServiceAccountSchema } from "@/lib/keys/schema";
import { toPublicAccount } from "@/lib/keys/view";

export const GET = withRole(ROLES, {}, async () => {
  const [upstream, { db }] = await Promise.all([getUpstream(), getDatabase()]);
  return { serviceAccounts: (await listServiceAccounts({ upstream, db })).map(toPublicAccount) };
});

export const POST = withRole(["admin"], { body: newServiceAccountSchema }, async ({ user: actor, info, body }) => {
  const [upstream, { db }] = await Promise.all([getUpstream(), getDatabase()]);
  const serviceAccount = await createServiceAccount({ upstream, db }, { actor, info }, body.name);
  return Response.json({ serviceAccount: toPublicAccount(serviceAccount) }, { status: 201 });
});
