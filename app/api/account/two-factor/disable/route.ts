// Turning two-factor sign-in off: the password and a current code (refused when the role requires it).
import { withRole } from "@/lib/api/with-role";
import { authDeps } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { disableTwoFactor } from "@/lib/auth/two-factor";
import { twoFactorDisableSchema } from "@/lib/auth/account-schema";

export const POST = withRole(ROLES, { body: twoFactorDisableSchema }, async ({ req, user, info, body }) => {
  const { auth, db } = await authDeps();
  await disableTwoFactor(auth, db, req.headers, user, info, body);
  return { twoFactor: { enabled: false } };
});
