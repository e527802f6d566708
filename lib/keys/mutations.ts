// Every change to service accounts and their keys in react-query. A change invalidates everything
// under `serviceAccounts.all` and the inventory, because the list's key counts and warnings, the
// account's key table and All keys all show what changed. The status switch's change, the one a
// page offers in its first load, is in ./set-enabled.ts: a bundle takes a module whole, and the
// dialogs' changes need not load with the page.
import { useQueryClient } from "@tanstack/react-query";
import { useLeanMutation } from "@/lib/query/lean-mutation";
import type { KeyView, ServiceAccountView } from "./view";
import { ApiRequestError, apiJson } from "@/lib/http/client";
import type { NewKeyInput } from "@/lib/elevenlabs/types";
import { invalidateAll, keyPath, saPath } from "./query-keys";
import type { Reconciled } from "./set-enabled";

export function useCreateServiceAccount() {
  const queryClient = useQueryClient();
  return useLeanMutation({
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
  return useLeanMutation({
    mutationFn: (input: NewKeyInput) =>
      apiJson<{ key: KeyView; secret: string }>(`${saPath(saId)}/keys`, { method: "POST", body: input }),
    gcTime: 0, // the answer (and its secret) leaves the mutation cache as soon as it has come
    onSettled: () => invalidateAll(queryClient),
  });
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
  return useLeanMutation({
    mutationFn: ({ saId, keyId, body }: KeyChangeRequest) =>
      apiJson<{ key: KeyView; reconciled?: Reconciled }>(keyPath(saId, keyId), { method: "PATCH", body }),
    onSettled: () => invalidateAll(queryClient),
  });
}

export function useDeleteKey() {
  const queryClient = useQueryClient();
  return useLeanMutation({
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
  return useLeanMutation({
    mutationFn: ({ saId, keyId }: { saId: string; keyId: string }) =>
      apiJson<{ key: KeyView; secret: string }>(`${keyPath(saId, keyId)}/rotate`, {
        method: "POST",
        body: {},
      }),
    gcTime: 0,
    onSettled: () => invalidateAll(queryClient),
  });
}
