// Disable elsewhere's 409, in the browser: the key changed since the search (what the search showed,
// sent as `expected`, no longer holds). The server answers with the key as it is now; the dialog
// says what changed and what to do, and keeps the typed reason (lib/find-key/disable-elsewhere.ts).
import { ApiRequestError } from "@/lib/http/client";
import type { OtherKey } from "./types";

/** The key as the server has it now, on a 409; null for any other failure. */
export function conflictKey(error: unknown): OtherKey | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const body = error.extra.body as { error?: { current?: OtherKey } } | null | undefined;
  const current = body?.error?.current;
  return current && typeof current.id === "string" ? current : null;
}

/** What the 409 says in words: the key changed since the search, what it is now, what to do. */
export function changedSinceMessage(name: string, current: Pick<OtherKey, "enabled">): string {
  const now =
    current.enabled === false
      ? "it is already disabled (by someone else, or in its own portal), so nothing more is needed"
      : "it is not as the search showed it";
  return `${name} changed since you searched: ${now}. Search again to see it as it is now; your reason is kept.`;
}
