// The whole inventory in react-query. Changes made anywhere in Keydesk invalidate it (bulk, single
// switches and edits refetch `inventory` as well as `service-accounts`).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { InventoryKey } from "./types";
import type { InventoryConnection, OtherConnectionsResponse } from "./connections";
import { apiJson, ApiRequestError } from "@/lib/http/client";
import { inventoryQueryKey, otherConnectionsQueryKey } from "./query-keys";

export interface InventoryResponse {
  generatedAt: string;
  serviceAccounts: { id: string; name: string; keyCount: number }[];
  keys: InventoryKey[];
  /** The primary connection these keys belong to. */
  connection: InventoryConnection;
}

/**
 * The other connections' keys, each with its own outcome; read beside the primary's, not after.
 * `enabled: false` for a page that shows them only when the primary connection is left out.
 */
export function useOtherConnections(enabled = true) {
  return useQuery({
    queryKey: otherConnectionsQueryKey,
    queryFn: () => apiJson<OtherConnectionsResponse>("/api/inventory/connections"),
    staleTime: 15_000,
    enabled,
  });
}

/**
 * The primary connection's keys. `primary: false` (the user's access leaves that connection out)
 * never reads it: the query stays idle, and the pages show the other connections alone.
 */
export function useInventory(primary = true) {
  return useQuery({
    queryKey: inventoryQueryKey,
    queryFn: () => apiJson<InventoryResponse>("/api/inventory"),
    staleTime: 15_000,
    enabled: primary,
  });
}

/**
 * Is this the answer to a user whose access does not include the primary connection (a 403)? The
 * pages then leave that connection out, as if the server had said so (their access may have been
 * narrowed since the page was made), rather than show an error.
 */
export function isPrimaryLeftOut(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 403;
}

/**
 * The pages' Refresh: a read that begins now (`?fresh=1`), not the one the server shares for a few
 * seconds. Its answer (or its failure) lands in the same query, so every view of it updates.
 */
export function useRefreshInventory(primary = true): () => void {
  const client = useQueryClient();
  return () => {
    // Each connection's read has its own outcome inside the answer, so this one rarely fails as a whole.
    void client.refetchQueries({ queryKey: otherConnectionsQueryKey, exact: true });
    if (!primary) return;
    void client
      .fetchQuery({
        queryKey: inventoryQueryKey,
        queryFn: () => apiJson<InventoryResponse>("/api/inventory?fresh=1"),
        staleTime: 0,
      })
      // The failure is the query's error state, which the page shows; nothing more to do here.
      .catch(() => undefined);
  };
}
