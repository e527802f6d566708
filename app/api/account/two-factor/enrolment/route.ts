// Set-up step 1: the password → a new TOTP secret, as a QR code and an otpauth URI (this answer only).
import { withRole } from "@/lib/api/with-role";
import { authDeps } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { startEnrolment } from "@/lib/auth/two-factor";
import { enrolmentStartSchema } from "@/lib/auth/account-schema";

export const POST = withRole(
  ROLES,
  { body: enrolmentStartSchema, allowUnenrolled: true },
  async ({ req, user, info, body }) => {
    const { auth, db } = await authDeps();
    return Response.json(await startEnrolment(auth, db, req.headers, user, info, body.password), {
      headers: { "cache-control": "no-store" },
    });
  },
);
