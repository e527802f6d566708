"use client";
// Queues a run of one job now (POST /api/jobs/<name>/run) and refreshes the page to show it queued.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function RunNowButton({ job }: { job: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ kind: "idle" | "running" } | { kind: "failed"; message: string }>({
    kind: "idle",
  });
  const run = async () => {
    setState({ kind: "running" });
    try {
      const res = await fetch(`/api/jobs/${encodeURIComponent(job)}/run`, { method: "POST" });
      if (!res.ok) {
        const body = await res.json().catch(() => null);
        setState({ kind: "failed", message: body?.error?.message ?? `HTTP ${res.status}` });
        return;
      }
      setState({ kind: "idle" });
      router.refresh();
    } catch {
      setState({ kind: "failed", message: "Keydesk could not be reached." });
    }
  };
  return (
    <div className="flex items-center gap-2">
      {state.kind === "failed" ? (
        <p role="alert" className="text-xs text-red-800">
          {state.message}
        </p>
      ) : null}
      <button
        type="button"
        onClick={run}
        disabled={state.kind === "running"}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {state.kind === "running" ? "Queuing…" : `Run ${job} now`}
      </button>
    </div>
  );
}
