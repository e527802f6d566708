import type { Metadata } from "next";
import { ConnectionsManager } from "@/components/connections/connections-manager";
import { PrefilledQueries } from "@/components/layout/prefilled-queries";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { connectionView, fixedConnections, listConnections } from "@/lib/connections";
import { checkWithProvider } from "@/lib/connections/check";
import { keyring } from "@/lib/connections/keys";
import { connectionKeys } from "@/lib/connections/queries";
import { getDatabase } from "@/lib/db";

export const metadata: Metadata = { title: "Connections" };

export default async function ConnectionsPage() {
  const user = await requireUser();
  if (user.role !== "admin") {
    return (
      <div className="space-y-2">
        <PageHeader title="Connections" />
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          Only admins can manage connections.
        </p>
      </div>
    );
  }
  const { db } = await getDatabase();
  const connections = (
    await listConnections({ db, keys: () => keyring(), fixed: fixedConnections, check: checkWithProvider })
  ).map(connectionView);
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
