"use client";
// Above the table: one banner per connection that could not be read (what went wrong, and the
// upstream's request id to quote to its support), while every other connection's rows show.
import type { OtherConnectionRead } from "@/lib/inventory/connections";
import { QueryErrorPanel } from "@/components/ui/query-error-panel";

export function ConnectionBanners({
  reads,
  pending,
  error,
  onRetry,
}: {
  reads: OtherConnectionRead[] | undefined;
  pending: boolean;
  /** The other connections' read failed as a whole (Keydesk itself, not one upstream). */
  error: unknown;
  onRetry(): void;
}) {
  if (error)
    return (
      <QueryErrorPanel
        title="Keydesk could not read the other connections; showing the primary workspace only."
        error={error}
        onRetry={onRetry}
        retrying={false}
      />
    );
  if (pending)
    return (
      <p role="status" className="text-sm text-slate-600">
        Reading the other connections…
      </p>
    );
  const failed = (reads ?? []).flatMap((r) => (r.ok ? [] : [r]));
  if (failed.length === 0) return null;
  return (
    // Not a list: each banner is an alert of its own, and a list item may not take another role.
    <div className="space-y-2" role="group" aria-label="Connections that could not be read">
      {failed.map((r) => (
        <div
          key={r.connection.id}
          role="alert"
          data-connection-id={r.connection.id}
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          <p className="font-medium">
            {r.connection.name} ({r.connection.capabilities.label}): its keys could not be read.
          </p>
          <p className="mt-0.5">
            {r.error.message}
            {r.error.upstreamRequestId ? (
              <>
                {" "}
                Upstream request id: <code className="font-mono">{r.error.upstreamRequestId}</code>.
              </>
            ) : null}
          </p>
        </div>
      ))}
    </div>
  );
}
