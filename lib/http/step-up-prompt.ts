// The browser's side of step-up: when an action is refused with 403 `reauth_required`, apiJson asks
// the step-up dialog (components/auth/step-up-host.tsx) to have the person confirm their password
// (and code), then repeats the request once. Whatever dialog started the action stays open with
// what was typed; the mutation simply takes a little longer. Requests refused at the same time
// (a bulk run's PATCHes) share one prompt.

/** Resolves true once the person has re-verified, false if they cancelled. */
export type StepUpPrompter = () => Promise<boolean>;

let prompter: StepUpPrompter | null = null;
let pending: Promise<boolean> | null = null;

/** The dialog registers itself while mounted; returns the unregister function. */
export function registerStepUpPrompter(next: StepUpPrompter): () => void {
  prompter = next;
  return () => {
    if (prompter === next) prompter = null;
  };
}

/** Asks once for every caller waiting at the same moment. False when no dialog is mounted. */
export function askForStepUp(): Promise<boolean> {
  if (!prompter) return Promise.resolve(false);
  pending ??= prompter().finally(() => {
    pending = null;
  });
  return pending;
}

/** For a plain download link: checks first, asks if needed, then the caller starts the download. */
export async function ensureRecentSignIn(): Promise<boolean> {
  try {
    const res = await fetch("/api/account/step-up", { headers: { accept: "application/json" } });
    const body = (await res.json().catch(() => null)) as { stepUp?: { recent?: boolean } } | null;
    if (res.ok && body?.stepUp?.recent) return true;
  } catch {
    // fall through: asking is the safe answer
  }
  return askForStepUp();
}
