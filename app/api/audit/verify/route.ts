import { withRole } from "@/lib/api/with-role";
import { database } from "@/lib/api/deps";
import { anchorSetup } from "@/lib/audit/anchor-key";
import { verifyAuditLog } from "@/lib/audit/anchor-verify";
import { ROLES } from "@/lib/roles";

/**
 * Walks the hash chain and names the first row that was altered or removed, then checks the log
 * against every signed anchor in the anchor file (rows cut off the end, a rewritten chain). A
 * failure is alerted (`audit_chain_failed`).
 */
export const GET = withRole(ROLES, {}, async () => ({
  checkedAt: new Date().toISOString(),
  ...(await verifyAuditLog(await database(), anchorSetup())),
}));
