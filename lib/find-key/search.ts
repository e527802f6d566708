// A search, server side: classify the query, hash a secret here and nowhere else, read the whole
// inventory in one upstream call (the query never goes upstream), match, and audit a secret search.
// The query lives only in this call: it is not logged, stored, returned or put in an error.
import "server-only";
import { listServiceAccounts, type KeyActionContext, type KeyDeps } from "@/lib/keys";
import { logServerError } from "@/lib/log/server-error";
import { recordSecretSearch } from "./audit";
import { classifyQuery } from "./classify";
import { secretSha256 } from "./hash";
import { matchKeys, RESULT_CAP } from "./match";
import { searchTerms } from "./terms";
import type { FindKeyResult } from "./types";

export async function findKey(
  deps: KeyDeps,
  ctx: KeyActionContext,
  rawQuery: string,
  cap = RESULT_CAP,
): Promise<FindKeyResult> {
  const query = classifyQuery(rawQuery);
  const terms = searchTerms(query, query.kind === "secret" ? secretSha256(query.secret) : null);
  const hint = query.kind === "secret" ? query.hint : null;

  let result: FindKeyResult;
  try {
    result = { kind: query.kind, ...matchKeys(await listServiceAccounts(deps), terms, cap) };
  } catch (error) {
    // A failed secret search is still on the record (someone was looking for a leaked key).
    if (hint !== null) {
      await recordSecretSearch(deps.db, ctx, { hint, candidates: null, exact: null }, error).catch(
        (auditError: unknown) => {
          // The person still sees why the search failed; the log line names the problem, never the query.
          logServerError("a failed key search could not be audited", auditError, ctx.info.requestId);
        },
      );
    }
    throw error;
  }
  if (hint !== null) {
    const exact = result.candidates.filter((c) => c.certainty === "exact").length;
    await recordSecretSearch(deps.db, ctx, { hint, candidates: result.total, exact });
  }
  return result;
}
