// What to tell the person after a key write the upstream answered with an error. Keydesk's server
// re-read the upstream (lib/keys/reconcile.ts) and put what it found in the error's `outcome`:
// "applied" (made after all: for a create, its secret is lost), "not_applied" (safe to try again),
// "unknown" (check the key first). Only a write known not to have happened may say "was not …".
import { ApiRequestError, errorDetails } from "@/lib/http/client";

export type WriteOutcome = "applied" | "not_applied" | "unknown";

export function writeOutcome(error: unknown): WriteOutcome | null {
  if (!(error instanceof ApiRequestError)) return null;
  const outcome = (error.extra.body as { error?: { outcome?: unknown } } | null | undefined)?.error?.outcome;
  return outcome === "applied" || outcome === "not_applied" || outcome === "unknown" ? outcome : null;
}

/** `notDone` ("The key was not created.") only when nothing happened; otherwise the server's own words. */
export function failureText(error: unknown, notDone: string): string {
  const outcome = writeOutcome(error);
  return outcome === "applied" || outcome === "unknown"
    ? errorDetails(error)
    : `${notDone} ${errorDetails(error)}`;
}
