import type { SearchFailure } from "@/lib/find-key/types";

/** Why one connection could not be searched, with the upstream's request id to quote to its support. */
export function ConnectionError({ name, error }: { name: string; error: SearchFailure }) {
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">{name} could not be searched.</p>
      <p className="mt-1">{error.message}</p>
      {error.upstreamRequestId ? (
        <p className="mt-1">
          Upstream request id: <span className="font-mono">{error.upstreamRequestId}</span>
        </p>
      ) : null}
      <p className="mt-1">The other connections&apos; results are below or above; search again to retry.</p>
    </div>
  );
}
