import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { ConnectionKeys } from "@/components/connection-keys/connection-keys";
import { PageHeader } from "@/components/ui/page-header";
import { connectionDeps } from "@/lib/api/deps";
import { requireUser } from "@/lib/auth/require-user";
import { canUseConnection, findConnection } from "@/lib/connections";
import { PRIMARY_CONNECTION_IDS } from "@/lib/connections/primary";
import { PROVIDER_LABELS } from "@/lib/connections/providers";

export const metadata: Metadata = { title: "Connection keys" };

/** One connection's keys, for every role that may use the connection. */
export default async function ConnectionKeysPage({ params }: PageProps<"/connections/[connectionId]">) {
  const user = await requireUser();
  const { connectionId } = await params;
  const deps = await connectionDeps();
  const connection = await findConnection(deps, connectionId);
  if (!connection) notFound();
  // The primary workspace has its own, richer pages (outside changes, paired rotations).
  if (PRIMARY_CONNECTION_IDS.includes(connection.id)) redirect("/service-accounts");
  const allowed = await canUseConnection(user, connection.id, deps.db);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/connections" className="font-medium text-indigo-800 hover:underline">
          Connections
        </Link>
      </nav>
      <PageHeader
        title={connection.name}
        description={`${PROVIDER_LABELS[connection.provider]} keys at ${connection.baseUrl}.`}
      />
      {allowed ? (
        <ConnectionKeys connectionId={connection.id} role={user.role} />
      ) : (
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          Your access does not include this connection. An admin can change that on the Users page.
        </p>
      )}
    </div>
  );
}
