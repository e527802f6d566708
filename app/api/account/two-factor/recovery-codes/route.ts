// New recovery codes (the password and a second factor first); the answer carries them, once.
import { withRole } from "@/lib/api/with-role";
import { authDeps } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { replaceRecoveryCodes } from "@/lib/auth/two-factor";
import { recoveryCodesSchema } from "@/lib/auth/account-schema";

export const POST = withRole(ROLES, { body: recoveryCodesSchema }, async ({ req, user, info, body }) => {
  const { auth, db } = await authDeps();
  return Response.json(await replaceRecoveryCodes(auth, db, req.headers, user, info, body), {
    headers: { "cache-control": "no-store" },
  });
});
