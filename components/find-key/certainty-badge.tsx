import { CERTAINTY_LABELS } from "@/lib/find-key/describe-match";
import type { Certainty } from "@/lib/find-key/types";

const STYLE: Record<Certainty, string> = {
  exact: "bg-red-50 text-red-900 ring-red-200",
  likely: "bg-amber-50 text-amber-950 ring-amber-200",
  possible: "bg-slate-100 text-slate-800 ring-slate-300",
};

/** How sure a match is, in words (the colour only repeats them). */
export function CertaintyBadge({ certainty }: { certainty: Certainty }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${STYLE[certainty]}`}>
      {CERTAINTY_LABELS[certainty]}
    </span>
  );
}
