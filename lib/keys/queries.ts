// The reads of service accounts and their keys in react-query (the changes: ./mutations.ts; the keys
// and paths: ./query-keys.ts).
import { useLeanQuery } from "@/lib/query/lean-query";
import type { KeyView, ServiceAccountView } from "./view";
import { apiJson } from "@/lib/http/client";
import { saPath, serviceAccounts } from "./query-keys";

/** The pages put the server's first read in the cache under these keys (components/layout/prefilled-queries.tsx). */
export function useServiceAccounts() {
  return useLeanQuery({
    queryKey: serviceAccounts.list(),
    queryFn: async () =>
      (await apiJson<{ serviceAccounts: ServiceAccountView[] }>("/api/service-accounts")).serviceAccounts,
  });
}

export function useServiceAccountKeys(saId: string) {
  return useLeanQuery({
    queryKey: serviceAccounts.detail(saId),
    queryFn: async () => (await apiJson<{ keys: KeyView[] }>(`${saPath(saId)}/keys`)).keys,
  });
}
