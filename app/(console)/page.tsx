import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Suspense } from "react";
import { AuditTable } from "@/components/audit/audit-table";
import { OverviewIsland } from "@/components/overview/overview-island";
import { PageHeader } from "@/components/ui/page-header";
import { ConnectionCardsLoading } from "@/components/overview/connection-cards";
import { connectionDeps } from "@/lib/api/deps";
import { queryAudit } from "@/lib/audit";
import { connectionNames } from "@/lib/connections";
import { requireUser } from "@/lib/auth/require-user";
import { canUsePrimaryConnection } from "@/lib/connections/primary";
import { getDatabase } from "@/lib/db";
import { readPolicies } from "@/lib/policies";
import { OverviewConnections } from "./_components/overview-connections";

export const metadata: Metadata = { title: "Overview" };

// The home page after sign-in: each connection's state (read on the server, streamed in), the
// primary workspace's keys and risks at a glance (read in the browser, shared with the "All keys"
// page), and the latest audit events (from Keydesk's database).
export default async function OverviewPage() {
  const user = await requireUser();
  const { db } = await getDatabase();
  // A user whose access leaves the primary connection out sees the others (their cards and their
  // keys' numbers) and the audit events; the primary connection is simply not there.
  const [latest, allowed, names, policyRules] = await Promise.all([
    queryAudit(db, { limit: 8 }),
    canUsePrimaryConnection(user, db),
    connectionDeps().then(connectionNames),
    readPolicies(db),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title="Overview" />
      {/* Starts reading every key while the HTML is parsed (see the inventory page). */}
      <link
        rel="preload"
        href={allowed ? "/api/inventory" : "/api/inventory/connections"}
        as="fetch"
        crossOrigin="anonymous"
      />
      <Suspense fallback={<ConnectionCardsLoading />}>
        <OverviewConnections user={user} primaryAllowed={allowed} />
      </Suspense>
      <OverviewIsland primary={allowed} policyRules={policyRules} />
      <section aria-labelledby="overview-audit" className="space-y-2">
        <div className="flex items-baseline justify-between">
          <h2 id="overview-audit" className="text-lg font-semibold">
            Latest audit events
          </h2>
          <div className="flex gap-4 text-sm font-medium">
            <Link href="/audit?action=key_observed_change" className="text-indigo-700 hover:underline">
              Changes made outside Keydesk
            </Link>
            <Link href="/audit" className="text-indigo-700 hover:underline">
              The whole audit log
            </Link>
          </div>
        </div>
        <AuditTable entries={latest.entries} connectionNames={names} />
      </section>
    </div>
  );
}
