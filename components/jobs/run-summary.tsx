// What a finished run reported, as "name: value" pairs (counts and ids; never an upstream's text).
import { visibleText } from "@/lib/format";

const LABELS: Record<string, string> = {
  connections: "connections read",
  unreadable: "unreadable",
  unreadableConnections: "which",
  keys: "keys",
  samplesWritten: "usage samples",
  outsideChanges: "outside changes",
  limitAlerts: "limit alerts",
  policyAlerts: "policy alerts",
  // alert-deliveries
  sent: "alerts sent",
  retrying: "to retry",
  failed: "given up",
  dropped: "dropped",
};

export function RunSummary({
  summary,
  error,
}: {
  summary: Record<string, unknown> | null;
  error: string | null;
}) {
  if (error) return <span className="text-red-800">{visibleText(error)}</span>;
  if (!summary) return <span className="text-slate-500">—</span>;
  const parts = Object.entries(summary)
    .filter(([, value]) => value !== null && value !== "")
    .map(([name, value]) => `${LABELS[name] ?? name}: ${String(value)}`);
  return <span className="text-slate-700">{visibleText(parts.join(" · "))}</span>;
}
