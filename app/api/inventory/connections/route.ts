// The keys of every other connection the user may use (DocSpace portals, Voiceable accounts, more
// ElevenLabs workspaces), each with its own outcome. Apart from /api/inventory, so the primary
// workspace's rows show without waiting for a slow connection.
import { withRole } from "@/lib/api/with-role";
import { connectionDeps } from "@/lib/api/deps";
import { ROLES } from "@/lib/roles";
import { readOtherConnections } from "@/lib/inventory/read-others";

export const GET = withRole(ROLES, {}, async ({ user }) => ({
  connections: await readOtherConnections(await connectionDeps(), user),
}));
