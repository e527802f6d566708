// A job run's state in words, with a colour that agrees (the words alone carry the meaning).
import type { RunState } from "@/lib/jobs/runs";

const WORDS: Record<RunState, { text: string; tone: string }> = {
  created: { text: "Queued", tone: "bg-slate-100 text-slate-800 ring-slate-300" },
  retry: { text: "Failed, will retry", tone: "bg-amber-50 text-amber-900 ring-amber-200" },
  active: { text: "Running", tone: "bg-sky-50 text-sky-900 ring-sky-200" },
  completed: { text: "Succeeded", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  cancelled: { text: "Cancelled", tone: "bg-slate-100 text-slate-700 ring-slate-300" },
  failed: { text: "Failed", tone: "bg-red-50 text-red-800 ring-red-200" },
};

export function RunState({ state }: { state: RunState }) {
  const { text, tone } = WORDS[state];
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${tone}`}>{text}</span>
  );
}
