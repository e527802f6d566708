// The status switch's change (a key enabled or disabled), on its own so the pages that show the
// switch load only this change with their first load (./mutations.ts holds the dialogs' changes).
// It shows the new state at once, and puts the old one back if the server refuses.
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiJson } from "@/lib/http/client";
import { useLeanMutation } from "@/lib/query/lean-mutation";
import type { KeyView, ServiceAccountView } from "./view";
import { invalidateAll, keyPath, serviceAccounts } from "./query-keys";

/**
 * On a change or delete answered 200 although the upstream answered with an error: Keydesk re-read
 * the upstream and found the change made (lib/keys/reconcile.ts). `message` says so.
 */
export interface Reconciled {
  outcome: "applied";
  message: string;
}

type Snapshot = { detail: KeyView[] | undefined; list: ServiceAccountView[] | undefined };

function patchKeyInCaches(queryClient: QueryClient, saId: string, keyId: string, patch: Partial<KeyView>) {
  const apply = (k: KeyView) => (k.id === keyId ? { ...k, ...patch } : k);
  queryClient.setQueryData<KeyView[]>(serviceAccounts.detail(saId), (keys) => keys?.map(apply));
  queryClient.setQueryData<ServiceAccountView[]>(serviceAccounts.list(), (list) =>
    list?.map((sa) => (sa.id === saId ? { ...sa, keys: sa.keys.map(apply) } : sa)),
  );
}

/** `was` is the state the person saw; the server refuses (409) if the key has changed since. */
export function useSetKeyEnabled() {
  const queryClient = useQueryClient();
  return useLeanMutation({
    mutationFn: async ({
      saId,
      keyId,
      enabled,
      was,
      reason,
    }: {
      saId: string;
      keyId: string;
      enabled: boolean;
      was: boolean;
      reason?: string;
    }): Promise<KeyView & { reconciled?: Reconciled }> => {
      const answer = await apiJson<{ key: KeyView; reconciled?: Reconciled }>(keyPath(saId, keyId), {
        method: "PATCH",
        body: { enabled, ...(reason ? { reason } : {}), expected: { enabled: was } },
      });
      return answer.reconciled ? { ...answer.key, reconciled: answer.reconciled } : answer.key;
    },
    onMutate: async ({ saId, keyId, enabled }): Promise<Snapshot> => {
      await queryClient.cancelQueries({ queryKey: serviceAccounts.all });
      const snapshot = {
        detail: queryClient.getQueryData<KeyView[]>(serviceAccounts.detail(saId)),
        list: queryClient.getQueryData<ServiceAccountView[]>(serviceAccounts.list()),
      };
      patchKeyInCaches(queryClient, saId, keyId, { enabled });
      return snapshot;
    },
    onError: (_error, { saId }, snapshot) => {
      if (snapshot?.detail) queryClient.setQueryData(serviceAccounts.detail(saId), snapshot.detail);
      if (snapshot?.list) queryClient.setQueryData(serviceAccounts.list(), snapshot.list);
    },
    onSettled: () => invalidateAll(queryClient),
  });
}
