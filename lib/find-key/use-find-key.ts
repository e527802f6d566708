// The search: one POST (a secret never lands in a URL or the browser's history) whose answer the
// page shows until the next search. Plain React state, not react-query: a search is no data to cache
// (its key would be the pasted text), and a mutation hook here was the only use of react-query's
// mutation code in the page's first load (about 1.5 KiB gzip, loaded before anyone searched).
import { useCallback, useRef, useState } from "react";
import { apiJson } from "@/lib/http/client";
import type { FindEverywhereResult } from "./types";

/**
 * The query, handed over once and then forgotten: nothing on the page keeps the text of a search
 * (a pasted secret must not stay behind in memory a page's devtools can read).
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

type SearchState =
  | { status: "idle" | "pending"; data: undefined; error: null }
  | { status: "success"; data: FindEverywhereResult; error: null }
  | { status: "error"; data: undefined; error: unknown };

const IDLE: SearchState = { status: "idle", data: undefined, error: null };

export function useFindKey() {
  const [state, setState] = useState<SearchState>(IDLE);
  // Only the latest search's answer is shown: an earlier one that answers later is dropped.
  const latest = useRef(0);
  const mutate = useCallback((query: OneShotQuery) => {
    const search = ++latest.current;
    setState({ status: "pending", data: undefined, error: null });
    apiJson<FindEverywhereResult>("/api/find-key", { method: "POST", body: { query: query.take() } }).then(
      (data) => search === latest.current && setState({ status: "success", data, error: null }),
      (error: unknown) => search === latest.current && setState({ status: "error", data: undefined, error }),
    );
  }, []);
  return {
    mutate,
    data: state.data,
    error: state.error,
    isPending: state.status === "pending",
    isError: state.status === "error",
  };
}
