"use client";
// A bulk change from the browser's side: started on the server (POST /api/bulk-changes), where a
// job changes the keys one by one whether or not this tab stays open, then read back while it goes
// (GET /api/bulk-changes/[id], polled only while keys are left to do). Cancelling asks the server
// to leave the keys not yet begun alone.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiJson } from "@/lib/http/client";
import type { BulkAction, BulkChangeDetail, BulkChangeView } from "@/lib/bulk/types";
import { bulkRequestKey, isActiveChange, type BulkTarget } from "@/lib/inventory/bulk";
import { inventoryQueryKey } from "@/lib/inventory/query-keys";
import type { InventoryRow } from "@/lib/inventory/types";
import { serviceAccounts } from "@/lib/keys/query-keys";

export const keyLabel = (key: InventoryRow) =>
  `${key.name} (${key.serviceAccountName || key.details?.owner || key.connection?.name || "no owner"})`;

export const bulkQueryKeys = {
  all: ["bulk-changes"] as const,
  one: (id: string) => ["bulk-changes", id] as const,
};

/** How often an unfinished change is read again (ms). */
const POLL_MS = 1500;

export interface BulkKeyRequest {
  connectionId: string;
  keyId: string;
  saId?: string;
  name?: string;
  expected?: { enabled?: boolean };
}

export function startBulkChange(
  action: BulkAction,
  keys: BulkKeyRequest[],
  reason: string,
): Promise<{ id: string; runId: string }> {
  return apiJson("/api/bulk-changes", {
    method: "POST",
    body: { action, keys, ...(reason ? { reason } : {}) },
  });
}

export const requestKeysOf = (rows: InventoryRow[], target: BulkTarget) =>
  rows.map((row) => bulkRequestKey(row, target));

/** One change with every key's outcome, read again while keys are left to do. */
export function useBulkChange(id: string | null) {
  return useQuery({
    queryKey: bulkQueryKeys.one(id ?? ""),
    enabled: id !== null,
    queryFn: () =>
      apiJson<{ change: BulkChangeDetail }>(`/api/bulk-changes/${encodeURIComponent(id!)}`).then(
        (r) => r.change,
      ),
    refetchInterval: (query) => (query.state.data && !isActiveChange(query.state.data) ? false : POLL_MS),
  });
}

/** The recent changes (the All keys indicator), read again while any is unfinished. */
export function useBulkChanges(enabled: boolean) {
  return useQuery({
    queryKey: bulkQueryKeys.all,
    enabled,
    queryFn: () => apiJson<{ changes: BulkChangeView[] }>("/api/bulk-changes").then((r) => r.changes),
    refetchInterval: (query) => (query.state.data?.some(isActiveChange) ? POLL_MS * 2 : 30_000),
  });
}

export function useCancelBulkChange(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiJson<{ change: BulkChangeDetail }>(`/api/bulk-changes/${encodeURIComponent(id!)}/cancel`, {
        method: "POST",
      }),
    onSuccess: ({ change }) => {
      queryClient.setQueryData(bulkQueryKeys.one(change.id), change);
      void queryClient.invalidateQueries({ queryKey: bulkQueryKeys.all });
    },
  });
}

/** After a change ends: the key lists read again, once, in the background. */
export function useRefreshKeyLists() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: serviceAccounts.all });
    void queryClient.invalidateQueries({ queryKey: inventoryQueryKey });
    void queryClient.invalidateQueries({ queryKey: bulkQueryKeys.all });
  };
}
