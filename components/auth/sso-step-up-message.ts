// What the SSO step-up popup (app/account/confirm-sso/done) tells the dialog that opened it.
// Keydesk's pages send Cross-Origin-Opener-Policy: same-origin, so once the popup has been to the
// provider (another origin) it and its opener no longer see each other: no window.opener, and the
// opener's handle reads "closed". A BroadcastChannel reaches Keydesk's own pages on this origin
// only; window.opener.postMessage is used too where the two still see each other (origin checked).
// The dialog believes neither on its own word: it asks the server whether the session is now
// recent, and still the same person's, before it goes ahead.

export const SSO_STEP_UP_MESSAGE = "keydesk:sso-step-up";

export interface SsoStepUpMessage {
  type: typeof SSO_STEP_UP_MESSAGE;
  /** False when the provider or Keydesk refused; `error` is a short code, never the provider's words. */
  ok: boolean;
  error?: string;
}

export function isSsoStepUpMessage(data: unknown): data is SsoStepUpMessage {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as { type?: unknown }).type === SSO_STEP_UP_MESSAGE &&
    typeof (data as { ok?: unknown }).ok === "boolean"
  );
}

/** Sends the note to the dialog, by both ways (see above). */
export function tellStepUpDialog(note: SsoStepUpMessage): void {
  if (typeof BroadcastChannel !== "undefined") {
    const channel = new BroadcastChannel(SSO_STEP_UP_MESSAGE);
    channel.postMessage(note);
    channel.close();
  }
  (window.opener as Window | null)?.postMessage(note, window.location.origin);
}

/** Calls `heard` for each note from the popup, from this origin only; returns the unsubscribe function. */
export function listenForStepUpPopup(heard: (note: SsoStepUpMessage) => void): () => void {
  const onMessage = (e: MessageEvent) => {
    if (e.origin === window.location.origin && isSsoStepUpMessage(e.data)) heard(e.data);
  };
  window.addEventListener("message", onMessage);
  const channel = typeof BroadcastChannel !== "undefined" ? new BroadcastChannel(SSO_STEP_UP_MESSAGE) : null;
  channel?.addEventListener("message", onMessage);
  return () => {
    window.removeEventListener("message", onMessage);
    channel?.close();
  };
}
