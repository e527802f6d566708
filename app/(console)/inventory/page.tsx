import type { Metadata } from "next";
import { Suspense } from "react";
import { InventoryIsland } from "@/components/inventory/inventory-island";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { canUsePrimaryConnection } from "@/lib/connections/primary";

export const metadata: Metadata = { title: "All keys" };

// The inventory is read in the browser (one call for every key), so the page shell arrives at once
// and 10,000 keys never travel twice (once in the HTML, once for react-query).
export default async function InventoryPage() {
  const user = await requireUser();
  // A user whose access leaves the primary connection out sees the other connections' keys: the
  // browser is not sent to read the primary one at all.
  const primary = await canUsePrimaryConnection(user);
  return (
    <div className="space-y-4">
      <PageHeader
        title="All keys"
        description="Every key of every connection, with what each may do and what makes it risky. Filters are kept in the address, so a view can be shared."
      />
      {/* The browser starts reading every key while it parses the HTML, not once the page's script
      has run; react-query's fetch of the same URL then takes the preloaded answer. */}
      {primary ? <link rel="preload" href="/api/inventory" as="fetch" crossOrigin="anonymous" /> : null}
      <link rel="preload" href="/api/inventory/connections" as="fetch" crossOrigin="anonymous" />
      <Suspense
        fallback={
          <p role="status" className="text-sm text-slate-600">
            Loading…
          </p>
        }
      >
        <InventoryIsland role={user.role} primary={primary} />
      </Suspense>
    </div>
  );
}
