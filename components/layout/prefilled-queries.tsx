// Server data handed to react-query. A page reads on the server (so it shows before any script
// runs, and a failure is the page's to explain), then puts each answer in a query cache under the
// key its client hook uses; the hooks find it there, fresh, and own it from then on (refetching
// after every change). The same as `prefetchQuery` with a query function that returns data the
// page already has.
import type { QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { QueryPrefill } from "./query-prefill";

export interface PrefilledQueriesProps {
  /** Each query key with the answer its hook would fetch. */
  queries: ReadonlyArray<readonly [QueryKey, unknown]>;
  children: ReactNode;
}

/** A server component renders once per request: this is the time of the page's read. */
const readTime = () => Date.now();

export function PrefilledQueries({ queries, children }: PrefilledQueriesProps) {
  return (
    <QueryPrefill queries={queries} readAt={readTime()}>
      {children}
    </QueryPrefill>
  );
}
