import { withRole } from "@/lib/api/with-role";
import { ROLES } from "@/lib/auth/roles";
import { requireRecentSignIn } from "@/lib/auth/step-up";
import { exportAudit } from "@/lib/audit/export-download";
import { auditExportSchema } from "@/lib/audit/filters";

/** Every row the filters match, as CSV or JSON; the export itself is audited. */
export const GET = withRole(ROLES, { query: auditExportSchema }, async ({ query, user, info }) => exportAudit(query, user, await requireRecentSignIn({ user, info })));
