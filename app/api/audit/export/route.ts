import { connectionDeps } from "@/lib/api/deps";
import { withRole } from "@/lib/api/with-role";
import { connectionNames } from "@/lib/connections";
import { ROLES } from "@/lib/roles";
import { requireRecentSignIn, stepUpDetails } from "@/lib/auth/step-up";
import { exportAudit } from "@/lib/audit/export-download";
import { auditExportSchema } from "@/lib/audit/filters";

/** Every row the filters match, as CSV or JSON; the export itself is audited. */
export const GET = withRole(ROLES, { query: auditExportSchema }, async ({ query, user, info }) => {
  const checked = await requireRecentSignIn({ user, info });
  return exportAudit(query, {
    user,
    info: checked,
    details: stepUpDetails(checked),
    connectionNames: await connectionNames(await connectionDeps()),
  });
});
