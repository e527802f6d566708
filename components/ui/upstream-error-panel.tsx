import type { UpstreamErrorView } from "@/lib/keys/load";

/** What went wrong upstream, said plainly, with the request id the provider's support will ask for. */
export function UpstreamErrorPanel({
  error,
  title = "Keydesk could not load the service accounts.",
}: {
  error: Pick<UpstreamErrorView, "message"> & { requestId?: string | null };
  title?: string;
}) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{error.message}</p>
      {error.requestId ? (
        <p className="mt-1 font-mono text-xs">Upstream request id: {error.requestId}</p>
      ) : null}
      <p className="mt-3">
        <a href="" className="font-medium underline">
          Try again
        </a>
      </p>
    </div>
  );
}
