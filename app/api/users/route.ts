// Keydesk's users: the list, and adding one (the answer carries their one-time link). Admins only.
import { withRole } from "@/lib/api/with-role";
import { getAuth } from "@/lib/auth";
import { getDatabase } from "@/lib/db";
import { newUserSchema } from "@/lib/users/schema";
import { createUser, listUsers } from "@/lib/users";
import { assertInvitesAllowed, inviteResponse } from "@/lib/users/invite-link";

export const GET = withRole(["admin"], {}, async () => {
  const { db } = await getDatabase();
  return { users: await listUsers(db) };
});

export const POST = withRole(["admin"], { body: newUserSchema }, async ({ req, user: actor, info, body }) => {
  assertInvitesAllowed();
  const [{ db }, auth] = await Promise.all([getDatabase(), getAuth()]);
  const { user, invite } = await createUser(auth, db, { actor, info }, body);
  return inviteResponse(req, user, invite, 201);
});
