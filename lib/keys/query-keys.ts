// Service accounts and their keys in react-query: one key factory (all → list, detail per service
// account) and the paths, shared by the reads (./queries.ts) and the changes (./mutations.ts). Three
// modules, not one, because a bundle takes a module whole: a page that only changes keys (a key's
// own page) would otherwise carry the reads' query observer in its first load.
import type { QueryClient } from "@tanstack/react-query";
import { inventoryQueryKey } from "@/lib/inventory/query-keys";

export const serviceAccounts = {
  all: ["service-accounts"] as const,
  list: () => [...serviceAccounts.all, "list"] as const,
  detail: (saId: string) => [...serviceAccounts.all, "detail", saId] as const,
};

export const saPath = (saId: string) => `/api/service-accounts/${encodeURIComponent(saId)}`;
export const keyPath = (saId: string, keyId: string) => `${saPath(saId)}/keys/${encodeURIComponent(keyId)}`;

/** A change shows everywhere keys are listed: the accounts, one account, and the whole inventory. */
export const invalidateAll = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: serviceAccounts.all }),
    queryClient.invalidateQueries({ queryKey: inventoryQueryKey }),
  ]);
