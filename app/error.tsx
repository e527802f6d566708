"use client";

// Anything unexpected while rendering: a plain message and the digest (the server logged the rest).
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">Something went wrong on Keydesk&apos;s side.</p>
      {error.digest ? <p className="mt-1 font-mono text-xs">Reference: {error.digest}</p> : null}
      <button
        type="button"
        onClick={reset}
        className="mt-3 rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800"
      >
        Try again
      </button>
    </div>
  );
}
