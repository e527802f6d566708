// Connections in react-query: one key factory, the list, and the mutations; each change refreshes
// the list. Test answers with the upstream's summary, or fails with its reason and request id.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiJson } from "@/lib/http/client";
import type { NewConnectionInput } from "./schema";
import type { ConnectionView } from "./types";

export const connectionKeys = {
  all: ["connections"] as const,
  list: () => [...connectionKeys.all, "list"] as const,
};

export interface CheckedConnectionAnswer {
  connection: ConnectionView;
  summary: string;
}

const path = (id: string) => `/api/connections/${encodeURIComponent(id)}`;

export function useConnections() {
  return useQuery({
    queryKey: connectionKeys.list(),
    queryFn: async () => (await apiJson<{ connections: ConnectionView[] }>("/api/connections")).connections,
  });
}

function useConnectionMutation<A, R>(run: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
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

export const userConnectionKeys = {
  of: (userId: string) => [...connectionKeys.all, "user", userId] as const,
};

const userPath = (userId: string) => `/api/users/${encodeURIComponent(userId)}/connections`;

/** The connections a user is limited to; null: every connection. */
export function useUserConnections(userId: string) {
  return useQuery({
    queryKey: userConnectionKeys.of(userId),
    queryFn: async () => (await apiJson<{ connectionIds: string[] | null }>(userPath(userId))).connectionIds,
  });
}

export function useSetUserConnections(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
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
