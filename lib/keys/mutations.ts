// Every change to service accounts and their keys in react-query. A change invalidates everything
// under `serviceAccounts.all` and the inventory, because the list's key counts and warnings, the
// account's key table and All keys all show what changed.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { KeyView, ServiceAccountView } from "./view";
import { ApiRequestError, apiJson } from "@/lib/http/client";
import type { NewKeyInput } from "@/lib/elevenlabs/types";
import { invalidateAll, keyPath, saPath, serviceAccounts } from "./query-keys";

export function useCreateServiceAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { name: string }) =>
      (
        await apiJson<{ serviceAccount: ServiceAccountView }>("/api/service-accounts", {
          method: "POST",
          body: input,
        })
      ).serviceAccount,
    onSettled: () => invalidateAll(queryClient),
  });
}

/** Never retried (a retried create makes two keys); the secret lives only in the dialog that asked. */
export function useCreateKey(saId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewKeyInput) =>
      apiJson<{ key: KeyView; secret: string }>(`${saPath(saId)}/keys`, { method: "POST", body: input }),
    gcTime: 0, // the secret leaves the mutation cache as soon as the dialog that showed it closes
    onSettled: () => invalidateAll(queryClient),
  });
}

/**
 * On a change or delete answered 200 although the upstream answered with an error: Keydesk re-read
 * the upstream and found the change made (lib/keys/reconcile.ts). `message` says so.
 */
export interface Reconciled {
  outcome: "applied";
  message: string;
}

export interface KeyChangeRequest {
  saId: string;
  keyId: string;
  body: Record<string, unknown> & { expected: Record<string, unknown>; reason?: string };
}

/** A 409's current key: at the top level of the body, or inside `error`. */
export function conflictCurrent(error: unknown): KeyView | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const body = error.extra.body as { current?: KeyView; error?: { current?: KeyView } } | null | undefined;
  return body?.current ?? body?.error?.current ?? null;
}

export function useChangeKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ saId, keyId, body }: KeyChangeRequest) =>
      apiJson<{ key: KeyView; reconciled?: Reconciled }>(keyPath(saId, keyId), { method: "PATCH", body }),
    onSettled: () => invalidateAll(queryClient),
  });
}

type Snapshot = { detail: KeyView[] | undefined; list: ServiceAccountView[] | undefined };

function patchKeyInCaches(queryClient: QueryClient, saId: string, keyId: string, patch: Partial<KeyView>) {
  const apply = (k: KeyView) => (k.id === keyId ? { ...k, ...patch } : k);
  queryClient.setQueryData<KeyView[]>(serviceAccounts.detail(saId), (keys) => keys?.map(apply));
  queryClient.setQueryData<ServiceAccountView[]>(serviceAccounts.list(), (list) =>
    list?.map((sa) => (sa.id === saId ? { ...sa, keys: sa.keys.map(apply) } : sa)),
  );
}

/** The status switch: shows the new state at once, and puts the old one back if the server refuses. */
export function useSetKeyEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
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

export function useDeleteKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ saId, keyId }: { saId: string; keyId: string }) =>
      apiJson<{ deleted: { id: string; serviceAccountId: string }; reconciled?: Reconciled }>(
        keyPath(saId, keyId),
        { method: "DELETE", body: {} },
      ),
    onSettled: () => invalidateAll(queryClient),
  });
}

export function useRotateKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ saId, keyId }: { saId: string; keyId: string }) =>
      apiJson<{ key: KeyView; secret: string }>(`${keyPath(saId, keyId)}/rotate`, {
        method: "POST",
        body: {},
      }),
    gcTime: 0,
    onSettled: () => invalidateAll(queryClient),
  });
}
