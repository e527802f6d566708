// Keydesk's users: the list, and adding one. Admins only.
import { withRole } from "@/lib/api/with-role";
import { getAuth } from "@/lib/auth";
import { getDatabase } from "@/lib/db";
import { newUserSchema } from "@/lib/schemas/users";
import { createUser, listUsers } from "@/lib/users";

export const GET = withRole(["admin"], {}, async () => {
  const { db } = await getDatabase();
  return { users: await listUsers(db) };
});

export const POST = withRole(["admin"], { body: newUserSchema }, async ({ user: actor, info, body }) => {
  const [{ db }, auth] = await Promise.all([getDatabase(), getAuth()]);
  const user = await createUser(auth, db, { actor, info }, body);
  return Response.json({ user }, { status: 201 });
});
