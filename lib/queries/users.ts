// Keydesk's users in react-query: one key factory, the list, and the two mutations. Every change
// invalidates the list; a role or enabled change shows at once and rolls back if the server refuses.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NewUserInput, UserChange } from "@/lib/schemas/users";
import type { UserSummary } from "@/lib/users/types";
import { apiJson } from "./api";

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export function useUsers(initialData?: UserSummary[]) {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: async () => (await apiJson<{ users: UserSummary[] }>("/api/users")).users,
    initialData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: NewUserInput) => (await apiJson<{ user: UserSummary }>("/api/users", { method: "POST", body: input })).user,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

export interface UserChangeRequest {
  userId: string;
  change: UserChange;
}

export function useChangeUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, change }: UserChangeRequest) =>
      (await apiJson<{ user: UserSummary }>(`/api/users/${encodeURIComponent(userId)}`, { method: "PATCH", body: change })).user,
    onMutate: async ({ userId, change }: UserChangeRequest) => {
      if ("password" in change) return { previous: undefined };
      await queryClient.cancelQueries({ queryKey: userKeys.list() });
      const previous = queryClient.getQueryData<UserSummary[]>(userKeys.list());
      queryClient.setQueryData<UserSummary[]>(userKeys.list(), (users) => users?.map((u) => (u.id === userId ? { ...u, ...change } : u)));
      return { previous };
    },
    onError: (_error, _request, context) => {
      if (context?.previous) queryClient.setQueryData(userKeys.list(), context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}
