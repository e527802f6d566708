import { withRole } from "@/lib/api/with-role";
import { verifyAuditChain } from "@/lib/audit";
import { ROLES } from "@/lib/roles";
import { getDatabase } from "@/lib/db";

/** Walks the hash chain and names the first row that was altered or removed. */
export const GET = withRole(ROLES, {}, async () => {
  const { db } = await getDatabase();
  return { checkedAt: new Date().toISOString(), ...(await verifyAuditChain(db)) };
});
