// Connections in react-query (the lean hooks of lib/query; the keys: ./query-keys.ts): the list and
// the mutations; each change refreshes the list. Test answers with the upstream's summary, or fails with its reason and request id.
import { useQueryClient } from "@tanstack/react-query";
import { useLeanQuery } from "@/lib/query/lean-query";
import { useLeanMutation } from "@/lib/query/lean-mutation";
import { apiJson } from "@/lib/http/client";
import { connectionKeys, userConnectionKeys } from "./query-keys";
import type { NewConnectionInput } from "./schema";
import type { ConnectionView } from "./types";

export interface CheckedConnectionAnswer {
  connection: ConnectionView;
  summary: string;
}

const path = (id: string) => `/api/connections/${encodeURIComponent(id)}`;

export function useConnections() {
  return useLeanQuery({
    queryKey: connectionKeys.list(),
    queryFn: async () => (await apiJson<{ connections: ConnectionView[] }>("/api/connections")).connections,
  });
}

function useConnectionMutation<A, R>(run: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useLeanMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: connectionKeys.list() }),
  });
}

export const useAddConnection = () =>
  useConnectionMutation((input: NewConnectionInput) =>
    apiJson<CheckedConnectionAnswer>("/api/connections", { method: "POST", body: input }),
  );

export const useTestConnection = () =>
  useConnectionMutation((id: string) =>
    apiJson<CheckedConnectionAnswer>(`${path(id)}/test`, { method: "POST", body: {} }),
  );

export const useRenameConnection = () =>
  useConnectionMutation(({ id, name }: { id: string; name: string }) =>
    apiJson<{ connection: ConnectionView }>(path(id), { method: "PATCH", body: { name } }),
  );

export const useRemoveConnection = () =>
  useConnectionMutation((id: string) => apiJson<{ removed: string }>(path(id), { method: "DELETE" }));

const userPath = (userId: string) => `/api/users/${encodeURIComponent(userId)}/connections`;

/** The connections a user is limited to; null: every connection. */
export function useUserConnections(userId: string) {
  return useLeanQuery({
    queryKey: userConnectionKeys.of(userId),
    queryFn: async () => (await apiJson<{ connectionIds: string[] | null }>(userPath(userId))).connectionIds,
  });
}

export function useSetUserConnections(userId: string) {
  const queryClient = useQueryClient();
  return useLeanMutation({
    mutationFn: async (connectionIds: string[]) =>
      (
        await apiJson<{ connectionIds: string[] | null }>(userPath(userId), {
          method: "PUT",
          body: { connectionIds },
        })
      ).connectionIds,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userConnectionKeys.of(userId) }),
  });
}
