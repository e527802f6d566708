// Set-up step 2: a code from the app turns two-factor sign-in on; the answer carries the recovery codes, once.
import { withRole } from "@/lib/api/with-role";
import { authDeps } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { confirmEnrolment } from "@/lib/auth/two-factor";
import { enrolmentConfirmSchema } from "@/lib/auth/account-schema";

export const POST = withRole(
  ROLES,
  { body: enrolmentConfirmSchema, allowUnenrolled: true },
  async ({ req, user, info, body }) => {
    const { auth, db } = await authDeps();
    return Response.json(await confirmEnrolment(auth, db, req.headers, user, info, body.code), {
      headers: { "cache-control": "no-store" },
    });
  },
);
