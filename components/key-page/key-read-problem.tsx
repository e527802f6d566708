import { UpstreamErrorPanel } from "@/components/ui/upstream-error-panel";
import { visibleText } from "@/lib/format";

/**
 * Why the key's settings are not shown: it is not there now (deleted, or rotated away), or the
 * upstream could not be read (its message and request id). Its audit history still follows.
 */
export function KeyReadProblem({
  problem,
}: {
  problem: { kind: "gone"; where: string } | { kind: "upstream"; message: string; requestId?: string | null };
}) {
  if (problem.kind === "gone")
    return (
      <div
        role="status"
        className="rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm text-slate-800"
      >
        <p className="font-semibold">This key is not in {visibleText(problem.where)} now.</p>
        <p className="mt-1">
          It may have been deleted or rotated away. What Keydesk recorded about it is below.
        </p>
      </div>
    );
  return <UpstreamErrorPanel title="Keydesk could not read this key." error={problem} />;
}
