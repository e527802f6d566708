// Step-up: how recent this session's sign-in is (GET), and re-verifying to make it recent (POST:
// the password, plus a code when two-factor sign-in is on). See lib/auth/step-up.ts.
import { withRole } from "@/lib/api/with-role";
import { authDeps } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { stepUpStatus } from "@/lib/auth/step-up";
import { reauthenticate } from "@/lib/auth/step-up-verify";
import { stepUpSchema } from "@/lib/auth/account-schema";

export const GET = withRole(ROLES, {}, async ({ user }) => ({ stepUp: await stepUpStatus(user) }));

export const POST = withRole(ROLES, { body: stepUpSchema }, async ({ req, user, info, body }) => {
  const { auth, db } = await authDeps();
  return {
    stepUp: await reauthenticate(auth, db, req.headers, user, info, {
      password: body.password,
      code: body.code || undefined,
    }),
  };
});
