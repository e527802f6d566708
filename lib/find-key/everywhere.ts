// A search across every connection the person may use: the primary ElevenLabs connection as
// before (its shared read, its service accounts, its certainty rules) and every other connection
// read on its own (lib/connections' readAllConnections), all at once. A connection that cannot be
// searched says why, with the upstream's request id, and the others' candidates still show; only
// when nothing at all could be searched does the search fail. A secret search is audited once, by
// its last four characters, with the counts and the connections searched. As in search.ts, the
// query is never logged, stored, returned or put in an error, and never goes upstream.
import "server-only";
import type { ConnectionDeps } from "@/lib/connections/list";
import { canUseConnection } from "@/lib/connections/access";
import { primaryConnection as findPrimary } from "@/lib/connections/primary";
import { readAllConnections } from "@/lib/connections/read-all";
import { ApiError } from "@/lib/http/api-error";
import type { KeyActionContext, KeyDeps } from "@/lib/keys";
import { fromProviderError } from "@/lib/providers/errors";
import { recordSecretSearch } from "./audit";
import { classifyQuery } from "./classify";
import { RESULT_CAP } from "./match";
import { searchedConnection, searchRead } from "./others";
import { recordFailedSearch, searchPrimary } from "./search";
import type { FindEverywhereResult, FindKeyResult, PrimarySearch, SearchFailure } from "./types";

export interface EverywhereDeps {
  keys: KeyDeps;
  connections: ConnectionDeps;
}

/** An upstream failure in the words a page shows; anything else (a bug of ours) without its text. */
function searchFailure(error: unknown): SearchFailure {
  let apiError: ApiError;
  try {
    apiError = ApiError.is(error) ? error : fromProviderError(error);
  } catch {
    apiError = new ApiError("internal", "Keydesk could not search this connection.");
  }
  return {
    code: apiError.code,
    message: apiError.message,
    upstreamRequestId: apiError.extra.upstreamRequestId ?? null,
  };
}

export async function findKeyEverywhere(
  deps: EverywhereDeps,
  ctx: KeyActionContext,
  rawQuery: string,
  cap = RESULT_CAP,
): Promise<FindEverywhereResult> {
  const query = classifyQuery(rawQuery);
  const hint = query.kind === "secret" ? query.hint : null;
  // What the other providers' matcher compares: the whole secret (hashed there only where the
  // provider publishes hashes, else matched by its last characters), or the text typed.
  const text = query.kind === "secret" ? query.secret : query.text;

  const primaryConnection = await findPrimary(deps.connections);
  const mayUsePrimary =
    primaryConnection !== null && (await canUseConnection(ctx.actor, primaryConnection.id, deps.keys.db));

  const [primaryOutcome, reads] = await Promise.all([
    mayUsePrimary
      ? searchPrimary(deps.keys, query, cap).then(
          (result) => ({ ok: true as const, result }),
          (error: unknown) => ({ ok: false as const, error }),
        )
      : null,
    readAllConnections(deps.connections, ctx.actor, {
      exclude: primaryConnection ? [primaryConnection.id] : [],
    }),
  ]);
  const others = reads.map((read) => searchRead(read, text, cap));

  const searchedOthers = others.filter((o) => o.ok);
  if (primaryOutcome && !primaryOutcome.ok && searchedOthers.length === 0) {
    // Nothing could be searched: the search fails as it did before there were other connections.
    if (hint !== null) await recordFailedSearch(deps.keys, ctx, hint, primaryOutcome.error);
    throw primaryOutcome.error;
  }

  const primaryResult: FindKeyResult =
    primaryOutcome?.ok === true
      ? primaryOutcome.result
      : { kind: query.kind, generatedAt: new Date().toISOString(), candidates: [], total: 0, omitted: 0 };
  const primary: PrimarySearch | null =
    primaryConnection === null || primaryOutcome === null
      ? null
      : primaryOutcome.ok
        ? { connection: searchedConnection(primaryConnection), ok: true }
        : {
            connection: searchedConnection(primaryConnection),
            ok: false,
            error: searchFailure(primaryOutcome.error),
          };

  if (hint !== null) {
    const total = primaryResult.total + searchedOthers.reduce((n, o) => n + o.total, 0);
    const exact =
      primaryResult.candidates.filter((c) => c.certainty === "exact").length +
      searchedOthers.reduce((n, o) => n + o.candidates.filter((c) => c.certainty === "exact").length, 0);
    const outcomes = [
      ...(primary ? [{ id: primary.connection.id, ok: primary.ok }] : []),
      ...others.map((o) => ({ id: o.connection.id, ok: o.ok })),
    ];
    await recordSecretSearch(deps.keys.db, ctx, {
      hint,
      candidates: total,
      exact,
      connections: {
        searched: outcomes.filter((o) => o.ok).map((o) => o.id),
        failed: outcomes.filter((o) => !o.ok).map((o) => o.id),
      },
    });
  }
  return { ...primaryResult, primary, others };
}
