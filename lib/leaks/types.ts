// The shapes of a leak report: what a scanner sends (one entry per token found), and what Keydesk
// did about each token, in the answer and on the record.

export type Scanner = "github" | "generic";

/** The scanner as people read it: the audit log's actor, the alert's words. */
export const SCANNER_NAMES: Record<Scanner, string> = {
  github: "GitHub secret scanning",
  generic: "Leak scanner",
};

/** One token a scanner found in a public place. `token` lives only for the request. */
export interface ReportedToken {
  token: string;
  type: string | null;
  url: string | null;
  source: string | null;
}

/**
 * What became of one reported token:
 * - disabled: it matched a key exactly and that key is now off upstream;
 * - already_disabled: it matched a key that was already off;
 * - not_disabled: it matched, and KEYDESK_LEAK_AUTO_DISABLE is off (alerted for a person);
 * - cannot_disable: it matched a key whose provider has no disable (Voiceable): alerted as urgent;
 * - disable_failed: it matched, and the upstream refused or failed the disable: alerted as urgent;
 * - possible_match: no exact match, but keys that may be it (the last characters, where the
 *   provider publishes no hash): alerted as urgent, nothing disabled on a guess;
 * - no_match: no key of any connection is it;
 * - search_failed: no connection could be searched (alerted as urgent).
 */
export type LeakOutcome =
  | "disabled"
  | "already_disabled"
  | "not_disabled"
  | "cannot_disable"
  | "disable_failed"
  | "possible_match"
  | "no_match"
  | "search_failed";

/** The key a token matched, as the record and the alert name it (never its secret or hash). */
export interface LeakedKey {
  connectionId: string;
  group: { id: string; name: string | null } | null;
  keyId: string;
  name: string;
}

/** One token's outcome, as the answer reports it (in the order the tokens came). */
export interface TokenResult {
  outcome: LeakOutcome;
  key: LeakedKey | null;
  /** How many keys may be it, for possible_match. */
  candidates?: number;
}
