// Search results in words: what was searched for (a secret only by its last four characters), why
// each key matched and how sure that is, and a one-line summary for the live region.
import type { ClassifiedQuery } from "./classify";
import {
  CERTAINTY_ORDER,
  type Certainty,
  type FindEverywhereResult,
  type Match,
  type OtherMatchedBy,
  type QueryKind,
} from "./types";

/** What the person searched for, safe to show: a secret appears only as its last four characters. */
export function searchedFor(query: ClassifiedQuery): string {
  if (query.kind === "secret")
    return query.shape === "sk"
      ? `a secret ending …${query.hint}`
      : `a possible secret ending …${query.hint}`;
  return `“${query.text}”`;
}

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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One sentence for the live region: how many keys matched, how surely, and whether some are not shown. */
export function resultSummary(
  result: { candidates: readonly { certainty: Certainty }[]; total: number; omitted: number },
  searched: string,
): string {
  if (result.total === 0) return `No key matches ${searched}.`;
  const counts = CERTAINTY_ORDER.map(
    (c) => [c, result.candidates.filter((k) => k.certainty === c).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${c}`);
  const head = `${plural(result.total, "key matches", "keys match")} ${searched}: ${counts.join(", ")}.`;
  return result.omitted > 0
    ? `${head} Showing the first ${result.candidates.length}; ${result.omitted} more not shown: narrow the search to see them.`
    : head;
}

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

/** The summary over every connection searched, and which ones could not be. */
export function everywhereSummary(result: FindEverywhereResult, searched: string): string {
  const searchedOthers = result.others.flatMap((o) => (o.ok ? [o] : []));
  const head = resultSummary(
    {
      candidates: [...result.candidates, ...searchedOthers.flatMap((o) => o.candidates)],
      total: result.total + searchedOthers.reduce((n, o) => n + o.total, 0),
      omitted: result.omitted + searchedOthers.reduce((n, o) => n + o.omitted, 0),
    },
    searched,
  );
  const failed = [
    ...(result.primary && !result.primary.ok ? [result.primary.connection.name] : []),
    ...result.others.filter((o) => !o.ok).map((o) => o.connection.name),
  ];
  if (failed.length === 0) return head;
  return `${head} ${plural(failed.length, "connection", "connections")} could not be searched: ${failed.join(", ")}.`;
}
