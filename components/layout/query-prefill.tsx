"use client";
// The browser's half of PrefilledQueries (./prefilled-queries.tsx): puts the server's answers in
// this tab's query cache. What react-query's HydrationBoundary does for this one case, without its
// serializer (about 0.8 KiB gzip in the first load of every page that reads on the server).
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";

export interface QueryPrefillProps {
  queries: ReadonlyArray<readonly [QueryKey, unknown]>;
  /** When the server read the answers (ms since the epoch): newer than the cache's, they replace it. */
  readAt: number;
  children: ReactNode;
}

export function QueryPrefill({ queries, readAt, children }: QueryPrefillProps) {
  const client = useQueryClient();
  // A query the cache lacks is filled before the children's hooks first read it. One it already
  // holds (a return to the page in the same tab) is observed by mounted hooks, so it is replaced
  // after this render, and only when the server's answer is the newer one.
  const [replace] = useState(() =>
    queries.filter(([key, data]) => {
      const held = client.getQueryState(key);
      if (held?.data !== undefined) return held.dataUpdatedAt < readAt;
      client.setQueryData(key, data, { updatedAt: readAt });
      return false;
    }),
  );
  useEffect(() => {
    for (const [key, data] of replace) {
      if ((client.getQueryState(key)?.dataUpdatedAt ?? 0) < readAt)
        client.setQueryData(key, data, { updatedAt: readAt });
    }
  }, [client, replace, readAt]);
  return children;
}
