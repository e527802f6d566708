// The whole inventory in react-query. Changes made anywhere in Keydesk invalidate it (bulk, single
// switches and edits refetch `inventory` as well as `service-accounts`).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { InventoryKey } from "./types";
import type { InventoryConnection, OtherConnectionsResponse } from "./connections";
import { apiJson } from "@/lib/http/client";

export interface InventoryResponse {
  generatedAt: string;
  serviceAccounts: { id: string; name: string; keyCount: number }[];
  keys: InventoryKey[];
  /** The primary connection these keys belong to. */
  connection: InventoryConnection;
}

export const inventoryQueryKey = ["inventory"] as const;
/** Under inventoryQueryKey, so every change that refetches the inventory refetches this too. */
export const otherConnectionsQueryKey = ["inventory", "connections"] as const;

/** The other connections' keys, each with its own outcome; read beside the primary's, not after. */
export function useOtherConnections() {
  return useQuery({
    queryKey: otherConnectionsQueryKey,
    queryFn: () => apiJson<OtherConnectionsResponse>("/api/inventory/connections"),
    staleTime: 15_000,
  });
}

export function useInventory() {
  return useQuery({
    queryKey: inventoryQueryKey,
    queryFn: () => apiJson<InventoryResponse>("/api/inventory"),
    staleTime: 15_000,
  });
}

/**
 * The pages' Refresh: a read that begins now (`?fresh=1`), not the one the server shares for a few
 * seconds. Its answer (or its failure) lands in the same query, so every view of it updates.
 */
export function useRefreshInventory(): () => void {
  const client = useQueryClient();
  return () => {
    // Each connection's read has its own outcome inside the answer, so this one rarely fails as a whole.
    void client.refetchQueries({ queryKey: otherConnectionsQueryKey, exact: true });
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
