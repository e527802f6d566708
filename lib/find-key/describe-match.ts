// Why each key of a search's results matched, and how sure that is, in plain words: for the results'
// tables, which load only after a search (describe.ts holds what the page shows before).
import type { Certainty, Match, OtherMatchedBy, QueryKind } from "./types";

export function describeMatch(match: Match, kind: QueryKind, hint: string): string {
  switch (match.by) {
    case "secret_hash":
      return "Exact match: the secret's SHA-256 matches this key";
    case "key_id":
      return match.certainty === "exact"
        ? "Exact match: this is the key's id"
        : "Possible: the key id contains what you searched for";
    case "name":
      return match.certainty === "likely"
        ? "Likely: the key's name is what you searched for"
        : "Possible: the key's name contains what you searched for";
    case "hint":
      return kind === "secret"
        ? `Possible: same last four characters (…${hint}), but the secret's SHA-256 does not match`
        : `Possible: its secret ends in …${hint}`;
  }
}

export const CERTAINTY_LABELS: Record<Certainty, string> = {
  exact: "Exact: this is the key",
  likely: "Likely",
  possible: "Possible: check before acting",
};

/** How a key of another connection matched, in plain words (the provider's matcher gives the reasons). */
export function describeOtherMatch(
  by: OtherMatchedBy,
  kind: QueryKind,
  hint: string | null,
  certainty: Certainty,
): string {
  switch (by) {
    case "secret_hash":
      return "Exact match: the secret's SHA-256 matches this key";
    case "id":
      return "Exact match: this is the key's id";
    case "hint":
      return kind === "secret"
        ? `Possible: the secret ends with this key's last characters (…${hint ?? ""}); this provider publishes no hash to be sure`
        : `Possible: its secret ends in …${hint ?? ""}`;
    case "name":
      return certainty === "likely"
        ? "Likely: the key's name is what you searched for"
        : "Possible: the key's name contains what you searched for";
  }
}
