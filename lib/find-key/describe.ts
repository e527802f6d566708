// Search results in words, for the search's own page: what was searched for (a secret only by its
// last four characters) and a one-line summary for the live region. Why each key matched is
// describe-match.ts, apart: only the results' tables show it, and they load after a search.
import type { ClassifiedQuery } from "./classify";
import { CERTAINTY_ORDER, type Certainty, type FindEverywhereResult } from "./types";

/** What the person searched for, safe to show: a secret appears only as its last four characters. */
export function searchedFor(query: ClassifiedQuery): string {
  if (query.kind === "secret")
    return query.shape === "sk"
      ? `a secret ending …${query.hint}`
      : `a possible secret ending …${query.hint}`;
  return `“${query.text}”`;
}

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
