import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { verifyAuditChain } from "@/lib/audit";
import { ROLES } from "@/lib/roles";

/** Walks the hash chain and names the first row that was altered or removed. */
export const GET = withRole(ROLES, {}, async () => ({
  checkedAt: new Date().toISOString(),
  ...(await verifyAuditChain(await database())),
}));
