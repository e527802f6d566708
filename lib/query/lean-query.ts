// A read whose first answer the page put in the query cache on the server
// (components/layout/prefilled-queries.tsx), shown from the cache at once, with react-query's query
// observer loaded after the page's first load. useQuery brings the observer and its React glue
// (about 3.5 KiB gzip) into the first load of every page that lists something, and the pages had
// nothing else to cut to stay within issue 11's first-load budget. Until the observer has come
// (a moment after the page's script has run) the cache still holds the server's answer and any
// change made to it (a switch flipped at once shows at once); the observer then does everything
// useQuery's does: refetching after an invalidation, on focus and when stale, with retries.
import { hashKey, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useEffect, useSyncExternalStore } from "react";

export interface LeanQueryOptions<T> {
  queryKey: QueryKey;
  queryFn: () => Promise<T>;
}

/** The part of useQuery's answer the console's lists use. */
export interface LeanQueryResult<T> {
  data: T | undefined;
  error: Error | null;
  isError: boolean;
  /** No answer yet, neither data nor an error. */
  isPending: boolean;
  isFetching: boolean;
  /** Reads again now, fresh or not; a failure shows in `error`. */
  refetch: () => Promise<void>;
}

/**
 * Makes the query active (refetched on invalidation, focus and staleness) from the moment the
 * observer's code has arrived until the returned function is called. `load` is the import.
 */
export function observeLater<T>(
  client: QueryClient,
  options: LeanQueryOptions<T>,
  load: () => Promise<typeof import("./query-observer")> = () => import("./query-observer"),
): () => void {
  let stop: (() => void) | null = null;
  let wanted = true;
  void load().then(({ QueryObserver }) => {
    if (wanted) stop = new QueryObserver(client, options).subscribe(() => {});
  });
  return () => {
    wanted = false;
    stop?.();
  };
}

/** Reads the query again now, whatever its age; a failure is left in the query's state. */
export const refetchNow = <T>(client: QueryClient, options: LeanQueryOptions<T>) =>
  client.fetchQuery({ ...options, staleTime: 0 }).then(
    () => undefined,
    () => undefined,
  );

export function useLeanQuery<T>(options: LeanQueryOptions<T>): LeanQueryResult<T> {
  const client = useQueryClient();
  const hash = hashKey(options.queryKey);
  const subscribe = useCallback((changed: () => void) => client.getQueryCache().subscribe(changed), [client]);
  const read = () => client.getQueryState<T, Error>(options.queryKey);
  const state = useSyncExternalStore(subscribe, read, read);
  // The options are the same for one key: the hooks build them from the key's own parts.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => observeLater(client, options), [client, hash]);
  return {
    data: state?.data,
    error: state?.error ?? null,
    isError: state?.status === "error",
    isPending: !state || state.status === "pending",
    isFetching: state?.fetchStatus === "fetching",
    refetch: () => refetchNow(client, options),
  };
}
