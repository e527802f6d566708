"use client";

import { useCallback, useState } from "react";

export interface NotifyOptions {
  /**
   * A toast says it too (components/keys/write-toast.ts). The page's copy stays on screen for
   * whoever looks back, but is not read out: a screen reader hears the success once, from the toast.
   */
  toasted?: boolean;
}

export type Feedback =
  { kind: "ok"; text: string; toasted: boolean } | { kind: "error"; text: string } | null;

/** One page-level message: successes are announced politely (unless a toast does), failures as alerts. */
export function useFeedback() {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const notify = useCallback(
    (text: string, options?: NotifyOptions) =>
      setFeedback({ kind: "ok", text, toasted: options?.toasted === true }),
    [],
  );
  const fail = useCallback((text: string) => setFeedback({ kind: "error", text }), []);
  return { feedback, notify, fail, clear: () => setFeedback(null) };
}

export function FeedbackMessage({ feedback, onDismiss }: { feedback: Feedback; onDismiss: () => void }) {
  // An explicit aria-live="off" overrides role="status"'s implied politeness.
  const quiet = feedback?.kind === "ok" && feedback.toasted;
  return (
    <div aria-live={quiet ? "off" : "polite"}>
      {feedback ? (
        <div
          role={feedback.kind === "error" ? "alert" : "status"}
          aria-live={quiet ? "off" : undefined}
          className={`flex items-start justify-between gap-4 rounded-md border px-3 py-2 text-sm ${feedback.kind === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-emerald-200 bg-emerald-50 text-emerald-900"}`}
        >
          <p>{feedback.text}</p>
          <button type="button" onClick={onDismiss} className="shrink-0 text-xs font-medium underline">
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
