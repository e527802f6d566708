// One connection's keys in react-query: one key factory under the connections' own, the read, and
// every change. A change refreshes the connection's keys (and the connections list it sits under).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { connectionKeys as connectionQueryKeys } from "@/lib/connections/query-keys";
import { apiJson } from "@/lib/http/client";
import type { ConnectionKeyChangeBody, NewConnectionKeyBody } from "@/lib/connection-keys/types";
import type {
  ConnectionKeysAnswer,
  ConnectionKeyView,
  CreatedConnectionKey,
  RotatedConnectionKey,
} from "./types";

export const connectionKeyQueries = {
  of: (connectionId: string) => [...connectionQueryKeys.all, "keys", connectionId] as const,
};

const keysPath = (connectionId: string) => `/api/connections/${encodeURIComponent(connectionId)}/keys`;

/** A key's path; its group goes along where the provider has groups. */
export function keyPath(connectionId: string, key: Pick<ConnectionKeyView, "id" | "group">, tail = "") {
  const group = key.group ? `?group=${encodeURIComponent(key.group.id)}` : "";
  return `${keysPath(connectionId)}/${encodeURIComponent(key.id)}${tail}${group}`;
}

export function useConnectionKeys(connectionId: string) {
  return useQuery({
    queryKey: connectionKeyQueries.of(connectionId),
    queryFn: () => apiJson<ConnectionKeysAnswer>(keysPath(connectionId)),
  });
}

function useKeyMutation<A, R>(connectionId: string, run: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: connectionKeyQueries.of(connectionId) }),
  });
}

export const useCreateConnectionKey = (connectionId: string) =>
  useKeyMutation(connectionId, (body: NewConnectionKeyBody) =>
    apiJson<CreatedConnectionKey>(keysPath(connectionId), { method: "POST", body }),
  );

export const useChangeConnectionKey = (connectionId: string) =>
  useKeyMutation(connectionId, ({ key, body }: { key: ConnectionKeyView; body: ConnectionKeyChangeBody }) =>
    apiJson<{ key: ConnectionKeyView }>(keyPath(connectionId, key), { method: "PATCH", body }),
  );

export const useDeleteConnectionKey = (connectionId: string) =>
  useKeyMutation(connectionId, ({ key, reason }: { key: ConnectionKeyView; reason?: string }) =>
    apiJson<{ deleted: true }>(keyPath(connectionId, key), {
      method: "DELETE",
      body: reason ? { reason } : {},
    }),
  );

export const useRotateConnectionKey = (connectionId: string) =>
  useKeyMutation(
    connectionId,
    ({ key, reason, expiresInDays }: { key: ConnectionKeyView; reason?: string; expiresInDays?: number }) =>
      apiJson<RotatedConnectionKey>(keyPath(connectionId, key, "/rotate"), {
        method: "POST",
        body: { ...(reason ? { reason } : {}), ...(expiresInDays ? { expiresInDays } : {}) },
      }),
  );
