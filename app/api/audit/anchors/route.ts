import { withRole } from "@/lib/api/with-role";
import { anchoringSigns } from "@/lib/audit/anchor-job";
import { anchorSetup } from "@/lib/audit/anchor-key";
import { anchorStatus } from "@/lib/audit/anchor-status";
import { ROLES } from "@/lib/roles";

/** Whether this Keydesk anchors the audit log (a real key, the demo key, or not at all), and when it last did. */
export const GET = withRole(ROLES, {}, async () => anchorStatus(anchorSetup(), anchoringSigns()));
