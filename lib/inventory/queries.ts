// The whole inventory in react-query. Changes made anywhere in Keydesk invalidate it (bulk, single
// switches and edits refetch `inventory` as well as `service-accounts`).
import { useQuery } from "@tanstack/react-query";
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
