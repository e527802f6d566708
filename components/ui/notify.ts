"use client";
// Toasts: a short word that a write went through (or did not), for outcomes the person might not
// see where they are (after a dialog closes, a row that moved). Say what happened, in the past
// tense: "prod-tts-primary disabled". An error toast is no substitute for the message beside the
// form that failed: keep that, and toast only what has no place of its own.
// sonner is not in any page's first load: it comes on idle (toast-host.tsx) or with the first toast.
type Kind = "success" | "error" | "info";

const listeners = new Set<() => void>();

/** ToastHost listens, so a toast sent before it has loaded sonner makes it load at once. */
export function onToastWanted(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function send(kind: Kind, text: string, description?: string) {
  listeners.forEach((listener) => listener());
  // A toast sent before the host has subscribed is kept by sonner and shown when it does.
  void import("sonner").then(({ toast }) => toast[kind](text, description ? { description } : undefined));
}

export const notify = {
  success: (text: string, description?: string) => send("success", text, description),
  error: (text: string, description?: string) => send("error", text, description),
  info: (text: string, description?: string) => send("info", text, description),
};
