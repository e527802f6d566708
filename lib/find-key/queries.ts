// The search in react-query. A mutation, not a query: a query's key (the search text) would sit in
// the cache, and the request is a POST so a secret never lands in a URL or the browser's history.
import { useMutation } from "@tanstack/react-query";
import { apiJson } from "@/lib/http/client";
import type { DisableElsewhereBody } from "./disable-schema";
import type { FindEverywhereResult, OtherKey } from "./types";

/**
 * The query, handed over once and then forgotten: react-query keeps a mutation's variables for as
 * long as the page shows its result, and a pasted secret must not stay behind there.
 */
export class OneShotQuery {
  #value: string | null;
  constructor(value: string) {
    this.#value = value;
  }
  take(): string {
    const value = this.#value ?? "";
    this.#value = null;
    return value;
  }
}

export function useFindKey() {
  return useMutation({
    mutationFn: (query: OneShotQuery) =>
      apiJson<FindEverywhereResult>("/api/find-key", { method: "POST", body: { query: query.take() } }),
    gcTime: 0,
  });
}

/** "Disable now" on a key of another connection than the primary one. */
export function useDisableElsewhere() {
  return useMutation({
    mutationFn: (body: DisableElsewhereBody) =>
      apiJson<{ key: OtherKey }>("/api/find-key/disable", { method: "POST", body }).then((r) => r.key),
  });
}
