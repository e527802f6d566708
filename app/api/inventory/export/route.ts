// The filtered inventory as CSV or JSON (`?format=csv&<the page's filters>`); audited.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps, keyDeps } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { exportInventory } from "@/lib/inventory/export-download";
import { canUsePrimaryConnection } from "@/lib/connections/primary";

export const GET = withRole(ROLES, {}, async ({ req, user, info: requestInfo }) => {
  const info = await requireRecentSignIn({ user, info: requestInfo });
  // A user whose access leaves the primary connection out exports the other connections' keys.
  return exportInventory(
    (await canUsePrimaryConnection(user)) ? await keyDeps(user) : null,
    new URL(req.url).searchParams,
    user,
    info,
    await connectionDeps(),
  );
});
