"use client";

import { useState } from "react";

type Report =
  | { ok: true; rows: number; checkedAt: string }
  | { ok: false; problem: "altered" | "removed"; firstBadId: number; rows: number; checkedAt: string };

/** Walks the hash chain on the server and says whether the log is intact, naming the first bad row. */
export function VerifyChainButton() {
  const [state, setState] = useState<
    | { kind: "idle" }
    | { kind: "running" }
    | { kind: "done"; report: Report }
    | { kind: "failed"; message: string }
  >({ kind: "idle" });
  const run = async () => {
    setState({ kind: "running" });
    try {
      const res = await fetch("/api/audit/verify");
      const body = await res.json();
      if (!res.ok) setState({ kind: "failed", message: body?.error?.message ?? `HTTP ${res.status}` });
      else setState({ kind: "done", report: body as Report });
    } catch {
      setState({ kind: "failed", message: "Keydesk could not be reached." });
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={run}
        disabled={state.kind === "running"}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {state.kind === "running" ? "Verifying…" : "Verify the log's integrity"}
      </button>
      <p role="status" aria-live="polite" className="text-sm">
        {state.kind === "done" && state.report.ok ? (
          <span className="text-emerald-800">Intact: all {state.report.rows} rows check out.</span>
        ) : state.kind === "done" && !state.report.ok ? (
          <span className="font-medium text-red-800">
            Tampered: row {state.report.firstBadId} was{" "}
            {state.report.problem === "altered" ? "altered" : "preceded by a removed row"}.
          </span>
        ) : state.kind === "failed" ? (
          <span className="text-red-800">Verification failed: {state.message}</span>
        ) : null}
      </p>
    </div>
  );
}
