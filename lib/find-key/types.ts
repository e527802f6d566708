// The shapes of a key search, shared by the server (which matches) and the browser (which shows).
// A candidate's key is a KeyView: it never carries the secret's hash.
import type { DoctorKeyKind } from "@/lib/doctor/key-kind";
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

// ---------------------------------------------------------------------------------------------
// Every connection: the primary ElevenLabs connection above (its candidates, as before) and the
// others, each searched on its own with its own outcome (lib/find-key/everywhere.ts).

/** Which connection a candidate belongs to, as a page names it. */
export interface SearchedConnection {
  id: string;
  name: string;
  /** The provider's name as people know it (ONLYOFFICE DocSpace). */
  providerLabel: string;
}

/** Why a connection could not be searched: its error and the upstream's request id. */
export interface SearchFailure {
  code: string;
  message: string;
  upstreamRequestId: string | null;
}

/** How a key of another connection matched (lib/providers' findKeys). */
export type OtherMatchedBy = "secret_hash" | "id" | "hint" | "name";

/** A key of another connection, as the page shows it: never a hash, never its settings. */
export interface OtherKey {
  id: string;
  name: string;
  /** The group it is in (ElevenLabs' service account), when the provider has groups. */
  group: { id: string; name: string | null } | null;
  owner: string | null;
  hint: string | null;
  /** null: the provider has no on/off flag. */
  enabled: boolean | null;
}

export interface OtherCandidate {
  key: OtherKey;
  matchedBy: OtherMatchedBy[];
  certainty: Certainty;
}

/** What a leak of one of this connection's keys calls for, from its provider's capabilities. */
export interface LeakResponse {
  /** "Disable now" is offered (the provider can switch a key off). */
  disable: boolean;
  /** What to do instead or as well, first choice first. */
  responses: readonly ("disable" | "rotate" | "delete")[];
}

export type ConnectionSearch = {
  connection: SearchedConnection;
  leak: LeakResponse;
  /** What the key doctor asks about its keys (its provider's permission model and allowlist). */
  doctorKind: DoctorKeyKind;
} & (
  | { ok: true; candidates: OtherCandidate[]; total: number; omitted: number }
  | { ok: false; error: SearchFailure }
);

/** The primary connection's part of a search across every connection. */
export type PrimarySearch =
  | { connection: SearchedConnection; ok: true }
  | { connection: SearchedConnection; ok: false; error: SearchFailure };

/** A search across every connection the person may use. */
export interface FindEverywhereResult extends FindKeyResult {
  /** null: this person may not use the primary connection (its candidates are then empty). */
  primary: PrimarySearch | null;
  others: ConnectionSearch[];
}
