"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { lazyIsland } from "@/components/ui/lazy-island";
import type { AnchorCheckView } from "@/lib/audit/anchor-types";
import { apiJson } from "@/lib/http/client";
import { AnchorStatusReading } from "./anchor-status-reading";
import { VerifyAnchorResult } from "./verify-anchor-result";

// The anchoring line shows nothing but "Reading the anchoring setup…" until the browser has read
// it, so its code (and react-query's observer, which nothing else on the Audit log page uses) comes
// alongside that read, not in the page's first load (components/ui/lazy-island.tsx).
const VerifyAnchorStatus = lazyIsland(
  () => import("./verify-anchor-status"),
  (m) => m.VerifyAnchorStatus,
  <AnchorStatusReading />,
);

type Report = { checkedAt: string; anchor: AnchorCheckView } & (
  { ok: true; rows: number } | { ok: false; problem: "altered" | "removed"; firstBadId: number; rows: number }
);

/**
 * Walks the hash chain on the server and checks the log against the signed anchors kept outside the
 * database; says whether the log is intact, naming the first bad row and any rows cut off the end.
 */
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
      setState({ kind: "done", report: await apiJson<Report>("/api/audit/verify") });
    } catch (error) {
      setState({ kind: "failed", message: (error as Error).message });
    }
  };
  return (
    <div className="max-w-xl space-y-1">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" size="sm" onClick={run} disabled={state.kind === "running"}>
          {state.kind === "running" ? "Verifying…" : "Verify the log's integrity"}
        </Button>
        <div role="status" aria-live="polite" className="space-y-1 text-sm">
          {state.kind === "done" && state.report.ok ? (
            <p className="text-emerald-800">Intact: all {state.report.rows} rows check out.</p>
          ) : state.kind === "done" && !state.report.ok ? (
            <p className="font-medium text-red-800">
              Tampered: row {state.report.firstBadId} was{" "}
              {state.report.problem === "altered" ? "altered" : "preceded by a removed row"}.
            </p>
          ) : state.kind === "failed" ? (
            <p className="text-red-800">Verification failed: {state.message}</p>
          ) : null}
          {state.kind === "done" ? <VerifyAnchorResult anchor={state.report.anchor} /> : null}
        </div>
      </div>
      <VerifyAnchorStatus />
    </div>
  );
}
