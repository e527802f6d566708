// The overview's connection cards, read on the server while the rest of the page is already shown
// (the page wraps this in Suspense): each connection other than the primary one read on its own,
// so a slow or broken one only delays or marks its own card.
import { ConnectionCards } from "@/components/overview/connection-cards";
import { connectionDeps } from "@/lib/api/deps";
import type { SessionUser } from "@/lib/auth/session";
import { PROVIDER_LABELS } from "@/lib/connections/providers";
import { primaryConnection } from "@/lib/connections/primary";
import { readAllConnections } from "@/lib/connections/read-all";
import { summarizeRead } from "@/lib/connections/summary";

export async function OverviewConnections({
  user,
  primaryAllowed,
}: {
  user: Pick<SessionUser, "id" | "role">;
  /** The user's access includes the primary connection; if not, it has no card. */
  primaryAllowed: boolean;
}) {
  const deps = await connectionDeps();
  const found = await primaryConnection(deps);
  const primary = primaryAllowed ? found : null;
  const reads = await readAllConnections(deps, user, { exclude: found ? [found.id] : [] });
  return (
    <ConnectionCards
      primary={
        primary
          ? { id: primary.id, name: primary.name, providerLabel: PROVIDER_LABELS[primary.provider] }
          : null
      }
      others={reads.map(summarizeRead)}
    />
  );
}
