import { withRole } from "@/lib/api/with-role";
import { queryAudit } from "@/lib/audit";
import { ROLES } from "@/lib/roles";
import { getDatabase } from "@/lib/db";
import { auditPageSchema } from "@/lib/audit/filters";

/** One page of the audit log, newest first; `nextCursor` continues it. */
export const GET = withRole(ROLES, { query: auditPageSchema }, async ({ query }) => {
  const { db } = await getDatabase();
  return queryAudit(db, query);
});
