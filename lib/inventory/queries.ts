// The whole inventory in react-query. Changes made anywhere in Keydesk invalidate it (bulk, single
// switches and edits refetch `inventory` as well as `service-accounts`).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { InventoryKey } from "./types";
import { apiJson } from "@/lib/http/client";

export interface InventoryResponse {
  generatedAt: string;
  serviceAccounts: { id: string; name: string; keyCount: number }[];
  keys: InventoryKey[];
}

export const inventoryQueryKey = ["inventory"] as const;

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
  return () =>
    void client
      .fetchQuery({
        queryKey: inventoryQueryKey,
        queryFn: () => apiJson<InventoryResponse>("/api/inventory?fresh=1"),
        staleTime: 0,
      })
      // The failure is the query's error state, which the page shows; nothing more to do here.
      .catch(() => undefined);
}
