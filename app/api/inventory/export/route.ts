// The filtered inventory as CSV or JSON (`?format=csv&<the page's filters>`); audited.
import { withRole } from "@/lib/api/with-role";
import { ROLES } from "@/lib/roles";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { getDatabase } from "@/lib/db";
import { getUpstream } from "@/lib/elevenlabs/upstream";
import { exportInventory } from "@/lib/inventory/export-download";

export const GET = withRole(ROLES, {}, async ({ req, user, info: requestInfo }) => {
  const info = await requireRecentSignIn({ user, info: requestInfo });
  const [upstream, { db }] = await Promise.all([getUpstream(), getDatabase()]);
  return exportInventory({ upstream, db }, new URL(req.url).searchParams, user, info);
});
