// A search, server side: classify the query, hash a secret here and nowhere else, read the whole
// inventory in one upstream call (the query never goes upstream), match, and audit a secret search.
// The query lives only in this call: it is not logged, stored, returned or put in an error.
// The read is the one the inventory shares for a few seconds; when it began before this search and
// finds nothing, the search is made once more on a read that begins now, so a key created moments
// ago (elsewhere, or by another Keydesk) is found before anyone is told it does not exist.
import "server-only";
import type { KeyActionContext, KeyDeps } from "@/lib/keys";
import { readSharedAccounts } from "@/lib/inventory/shared-read";
import { logServerError } from "@/lib/log/server-error";
import { recordSecretSearch } from "./audit";
import { classifyQuery, type ClassifiedQuery } from "./classify";
import { secretSha256 } from "./hash";
import { matchKeys, RESULT_CAP } from "./match";
import { searchTerms } from "./terms";
import type { FindKeyResult } from "./types";

/**
 * The primary connection's keys matched against a classified query, without auditing (findKey and
 * findKeyEverywhere audit once, with what they found). Throws the upstream's failure.
 */
export async function searchPrimary(
  deps: KeyDeps,
  query: ClassifiedQuery,
  cap = RESULT_CAP,
): Promise<FindKeyResult> {
  const terms = searchTerms(query, query.kind === "secret" ? secretSha256(query.secret) : null);
  const search = async (fresh: boolean) => {
    const read = await readSharedAccounts(deps, { fresh });
    const found = matchKeys(read.serviceAccounts, terms, cap);
    return { result: { kind: query.kind, generatedAt: read.generatedAt, ...found }, reused: read.reused };
  };
  const first = await search(false);
  return first.reused && first.result.total === 0 ? (await search(true)).result : first.result;
}

/** A failed secret search is still on the record (someone was looking for a leaked key). */
export async function recordFailedSearch(
  deps: Pick<KeyDeps, "db">,
  ctx: KeyActionContext,
  hint: string,
  error: unknown,
): Promise<void> {
  await recordSecretSearch(deps.db, ctx, { hint, candidates: null, exact: null }, error).catch(
    (auditError: unknown) => {
      // The person still sees why the search failed; the log line names the problem, never the query.
      logServerError("a failed key search could not be audited", auditError, ctx.info.requestId);
    },
  );
}

export async function findKey(
  deps: KeyDeps,
  ctx: KeyActionContext,
  rawQuery: string,
  cap = RESULT_CAP,
): Promise<FindKeyResult> {
  const query = classifyQuery(rawQuery);
  const hint = query.kind === "secret" ? query.hint : null;
  let result: FindKeyResult;
  try {
    result = await searchPrimary(deps, query, cap);
  } catch (error) {
    if (hint !== null) await recordFailedSearch(deps, ctx, hint, error);
    throw error;
  }
  if (hint !== null) {
    const exact = result.candidates.filter((c) => c.certainty === "exact").length;
    await recordSecretSearch(deps.db, ctx, { hint, candidates: result.total, exact });
  }
  return result;
}
