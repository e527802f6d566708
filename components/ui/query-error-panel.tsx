"use client";

import { errorDetails } from "@/lib/http/client";

/** A read that failed in the browser: what happened, the ids support will ask for, and a retry. */
export function QueryErrorPanel({
  title,
  error,
  onRetry,
  retrying,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{errorDetails(error)}</p>
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className="mt-3 font-medium underline disabled:opacity-60"
      >
        {retrying ? "Trying again…" : "Try again"}
      </button>
    </div>
  );
}
