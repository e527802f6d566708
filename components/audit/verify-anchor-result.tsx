// What the anchor check found, under the chain's verdict: each problem in its own words, or the
// anchor the log still matches.
import type { AnchorCheckView } from "@/lib/audit/anchor-types";
import { LocalTime } from "./local-time";

export function VerifyAnchorResult({ anchor }: { anchor: AnchorCheckView }) {
  if (anchor.state === "off") return null;
  if (anchor.state === "none") return <span className="text-slate-600">No anchor has been written yet.</span>;
  if (anchor.state === "ok" && anchor.last)
    return (
      <span className="text-emerald-800">
        Matches all {anchor.anchors} signed anchors; the last (<LocalTime iso={anchor.last.at} />) counted{" "}
        {anchor.last.rows} rows.
      </span>
    );
  return (
    <ul className="list-disc space-y-1 pl-5 font-medium break-words text-red-800">
      {anchor.problems.map((p) => (
        <li key={p.message}>{p.message}</li>
      ))}
    </ul>
  );
}
