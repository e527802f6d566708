import type { Metadata } from "next";
import { ConnectionLinks } from "@/components/connection-keys/connection-links";
import { ConnectionsManager } from "@/components/connections/connections-manager";
import { PrefilledQueries } from "@/components/layout/prefilled-queries";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { connectionLimits, connectionView, fixedConnections, listConnections } from "@/lib/connections";
import { checkWithProvider } from "@/lib/connections/check";
import { keyring } from "@/lib/connections/keys";
import { connectionKeys } from "@/lib/connections/query-keys";
import { getDatabase } from "@/lib/db";

export const metadata: Metadata = { title: "Connections" };

export default async function ConnectionsPage() {
  const user = await requireUser();
  const { db } = await getDatabase();
  const connections = (
    await listConnections({ db, keys: () => keyring(), fixed: fixedConnections, check: checkWithProvider })
  ).map(connectionView);
  if (user.role !== "admin") {
    // Everyone reaches the keys of the connections they may use from here; only admins manage them.
    const limits = await connectionLimits(db, user.id);
    const usable = limits === null ? connections : connections.filter((c) => limits.includes(c.id));
    return (
      <div className="space-y-4">
        <PageHeader title="Connections" description="The upstream accounts whose keys you may see." />
        <p className="text-sm text-slate-700">
          Only admins can manage connections. Choose one to see its keys.
        </p>
        <ConnectionLinks connections={usable} />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <PageHeader
        title="Connections"
        description="The upstream accounts Keydesk manages keys for: ElevenLabs workspaces, ONLYOFFICE DocSpace portals and Voiceable accounts."
      />
      <PrefilledQueries queries={[[connectionKeys.list(), connections]]}>
        <ConnectionsManager />
      </PrefilledQueries>
    </div>
  );
}
