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
      {/* The knob is in the track's flow, moved by its own width. It was absolutely placed with no
          left offset, so it started from the button's centred text position (half the track in):
          on, it ended past the track, over the label's first letter. */}
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
