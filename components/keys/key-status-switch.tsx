"use client";

import { visibleText } from "@/lib/format";
import type { KeyView } from "@/lib/keys/view";

/** The status switch: on is enabled. The row decides what a flip does (a reason first, or at once). */
export function KeyStatusSwitch({
  apiKey,
  onFlip,
  busy,
}: {
  apiKey: KeyView;
  onFlip: () => void;
  busy: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={apiKey.enabled}
      aria-label={`${visibleText(apiKey.name)} enabled`}
      aria-busy={busy || undefined}
      onClick={onFlip}
      className="group inline-flex items-center gap-2 rounded-full text-xs font-medium whitespace-nowrap text-slate-700"
    >
      {/* The track keeps its size however narrow the cell (shrink-0: a shrinking track once left
          the knob outside it, over the label), and the knob sits in it, not over it: in the flow,
          moved by its own width. */}
      <span
        aria-hidden
        data-part="track"
        className={`inline-flex h-5 w-9 shrink-0 items-center rounded-full p-0.5 transition-colors ${apiKey.enabled ? "bg-emerald-600" : "bg-slate-400"}`}
      >
        <span
          data-part="knob"
          className={`size-4 rounded-full bg-white shadow transition-transform ${apiKey.enabled ? "translate-x-4" : "translate-x-0"}`}
        />
      </span>
      <span aria-hidden data-part="label">
        {apiKey.enabled ? "Enabled" : "Disabled"}
      </span>
    </button>
  );
}
