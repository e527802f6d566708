// Keydesk's users: the list, and adding one (the answer carries their one-time link). Admins only.
import { withRole } from "@/lib/api/with-role";
import { authDeps, database } from "@/lib/api/deps";
import { newUserSchema } from "@/lib/users/schema";
import { createUser, listUsers } from "@/lib/users";
import { assertInvitesAllowed, inviteResponse } from "@/lib/users/invite-link";

export const GET = withRole(["admin"], {}, async () => {
  const db = await database();
  return { users: await listUsers(db) };
});

export const POST = withRole(["admin"], { body: newUserSchema }, async ({ req, user: actor, info, body }) => {
  assertInvitesAllowed();
  const { auth, db } = await authDeps();
  const { user, invite } = await createUser(auth, db, { actor, info }, body);
  return inviteResponse(req, user, invite, 201);
});
