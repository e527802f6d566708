// Resetting a password: the user's password and sessions end, and the answer carries a one-time
// link for them to choose a new one. Admins only.
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { userIdParamsSchema } from "@/lib/users/schema";
import { sendPasswordLink } from "@/lib/users";
import { assertInvitesAllowed, inviteResponse } from "@/lib/users/invite-link";

export const POST = withRole(
  ["admin"],
  { params: userIdParamsSchema },
  async ({ req, user: actor, info, params }) => {
    assertInvitesAllowed();
    const db = await database();
    const { user, ...invite } = await sendPasswordLink(db, { actor, info }, params.userId);
    return inviteResponse(req, user, invite);
  },
);
