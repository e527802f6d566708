// The rules admins set for keys. Everyone signed in reads them (a reviewer audits against them);
// only admins change them, with a recent sign-in: turning a rule off loosens what Keydesk allows.
import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { readPolicies, savePolicies } from "@/lib/policies";
import { policiesSchema } from "@/lib/policies/schema";

export const GET = withRole(["admin", "reviewer", "support"], {}, async () => ({
  rules: await readPolicies(await database()),
}));

export const PUT = withRole(
  ["admin"],
  { body: policiesSchema },
  async ({ user, info: requestInfo, body }) => {
    const info = await requireRecentSignIn({ user, info: requestInfo });
    return { rules: await savePolicies(await database(), { actor: user, info }, body.rules) };
  },
);
