// The signed-in person's two-factor sign-in: on, being set up, required for their role.
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { twoFactorStatus } from "@/lib/auth/two-factor";

export const GET = withRole(ROLES, { allowUnenrolled: true }, async ({ user }) => ({
  twoFactor: await twoFactorStatus(await database(), user),
}));
