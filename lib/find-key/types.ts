// The shapes of a key search, shared by the server (which matches) and the browser (which shows).
// A candidate's key is a KeyView: it never carries the secret's hash.
import type { KeyView } from "@/lib/keys/view";

/** What a query was taken for. "secret" covers anything that might be one (see classify.ts). */
export type QueryKind = "secret" | "hint" | "text";

export type MatchedBy = "secret_hash" | "hint" | "key_id" | "name";

/** exact: this is the key; likely: same name; possible: worth checking before acting. */
export type Certainty = "exact" | "likely" | "possible";

/** One reason a key matched, with how sure that reason alone is. */
export interface Match {
  by: MatchedBy;
  certainty: Certainty;
}

export interface Candidate {
  key: KeyView;
  serviceAccount: { id: string; name: string };
  /** The reasons, strongest first (the `by` of each entry of `matches`). */
  matchedBy: MatchedBy[];
  /** The strongest of the reasons. */
  certainty: Certainty;
  matches: Match[];
}

/** The answer to a search. It never repeats the query. */
export interface FindKeyResult {
  kind: QueryKind;
  /** When the upstream read searched began (ISO 8601): a shared read may be a few seconds old. */
  generatedAt: string;
  candidates: Candidate[];
  /** How many keys matched in all; `omitted` of them are not in `candidates` (the cap). */
  total: number;
  omitted: number;
}

export const CERTAINTY_ORDER: readonly Certainty[] = ["exact", "likely", "possible"];
