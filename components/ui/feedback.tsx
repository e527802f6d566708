"use client";

import { useCallback, useState } from "react";

export type Feedback = { kind: "ok" | "error"; text: string } | null;

/** One page-level message: successes are announced politely, failures as alerts. */
export function useFeedback() {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const notify = useCallback((text: string) => setFeedback({ kind: "ok", text }), []);
  const fail = useCallback((text: string) => setFeedback({ kind: "error", text }), []);
  return { feedback, notify, fail, clear: () => setFeedback(null) };
}

export function FeedbackMessage({ feedback, onDismiss }: { feedback: Feedback; onDismiss: () => void }) {
  return (
    <div aria-live="polite">
      {feedback ? (
        <div
          role={feedback.kind === "error" ? "alert" : "status"}
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
