import type { Metadata } from "next";
import { AlertsManager } from "@/components/alerts/alerts-manager";
import { PrefilledQueries } from "@/components/layout/prefilled-queries";
import { PageHeader } from "@/components/ui/page-header";
import { listChannelViews, recentDeliveries } from "@/lib/alerts";
import { alertDeps } from "@/lib/alerts/deps";
import { alertKeys } from "@/lib/alerts/queries";
import { requireUser } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const user = await requireUser();
  if (user.role !== "admin") {
    return (
      <div className="space-y-2">
        <PageHeader title="Alerts" />
        <p
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          Only workspace admins can manage alerts.
        </p>
      </div>
    );
  }
  const deps = await alertDeps();
  const [channels, deliveries] = await Promise.all([listChannelViews(deps), recentDeliveries(deps.db)]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Alerts"
        description="Where Keydesk tells people when a key is disabled or reported leaked, changes outside Keydesk, nears its limit, or when a policy, the audit chain or a job fails."
      />
      <PrefilledQueries
        queries={[
          [alertKeys.channels(), channels],
          [alertKeys.deliveries(), deliveries],
        ]}
      >
        <AlertsManager />
      </PrefilledQueries>
    </div>
  );
}
