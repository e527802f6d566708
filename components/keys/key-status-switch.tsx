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
      className="group inline-flex items-center gap-2 rounded-full text-xs font-medium text-slate-700"
    >
      <span
        aria-hidden
        className={`relative inline-block h-5 w-9 rounded-full transition-colors ${apiKey.enabled ? "bg-emerald-600" : "bg-slate-300"}`}
      >
        <span
          className={`absolute top-0.5 size-4 rounded-full bg-white shadow transition-transform ${apiKey.enabled ? "translate-x-4" : "translate-x-0.5"}`}
        />
      </span>
      <span aria-hidden>{apiKey.enabled ? "Enabled" : "Disabled"}</span>
    </button>
  );
}
