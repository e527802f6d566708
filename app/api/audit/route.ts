import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { queryAudit } from "@/lib/audit";
import { ROLES } from "@/lib/roles";
import { auditPageSchema } from "@/lib/audit/filters";

/** One page of the audit log, newest first; `nextCursor` continues it. */
export const GET = withRole(ROLES, { query: auditPageSchema }, async ({ query }) =>
  queryAudit(await database(), query),
);
