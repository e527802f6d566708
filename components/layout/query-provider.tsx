"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { isClientError } from "@/lib/http/client";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx (signed out, forbidden, not found) will not change by asking again.
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
      // Never repeat a change on its own: a retried create could make two.
      mutations: { retry: false },
    },
  });
}

/** One QueryClient per browser tab (per request on the server), for the console's pages. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
