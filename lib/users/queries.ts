// Keydesk's users in react-query (the lean hooks of lib/query; the keys: ./query-keys.ts): the list
// and the mutations. Every change
// invalidates the list; a role or enabled change shows at once and rolls back if the server refuses.
// Adding a user and resetting a password answer with a one-time link, shown once and kept nowhere.
import { useQueryClient } from "@tanstack/react-query";
import { useLeanQuery } from "@/lib/query/lean-query";
import { useLeanMutation } from "@/lib/query/lean-mutation";
import type { NewUserInput, UserChange } from "./schema";
import type { UserSummary } from "./types";
import { apiJson } from "@/lib/http/client";
import { userKeys } from "./query-keys";

export function useUsers() {
  return useLeanQuery({
    queryKey: userKeys.list(),
    queryFn: async () => (await apiJson<{ users: UserSummary[] }>("/api/users")).users,
  });
}

/** A one-time link for a user to set their password: the full URL, and when it stops working (ISO 8601). */
export interface InviteLink {
  url: string;
  expiresAt: string;
}

export interface UserWithLink {
  user: UserSummary;
  invite: InviteLink;
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useLeanMutation({
    mutationFn: (input: NewUserInput) => apiJson<UserWithLink>("/api/users", { method: "POST", body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

/** Resets a password: the old one stops working, sessions end, and a new link comes back. */
export function useSendPasswordLink() {
  const queryClient = useQueryClient();
  return useLeanMutation({
    mutationFn: (userId: string) =>
      apiJson<UserWithLink>(`/api/users/${encodeURIComponent(userId)}/password-link`, {
        method: "POST",
        body: {},
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

export interface UserChangeRequest {
  userId: string;
  change: UserChange;
}

export function useChangeUser() {
  const queryClient = useQueryClient();
  return useLeanMutation({
    mutationFn: async ({ userId, change }: UserChangeRequest) =>
      (
        await apiJson<{ user: UserSummary }>(`/api/users/${encodeURIComponent(userId)}`, {
          method: "PATCH",
          body: change,
        })
      ).user,
    onMutate: async ({ userId, change }: UserChangeRequest) => {
      await queryClient.cancelQueries({ queryKey: userKeys.list() });
      const previous = queryClient.getQueryData<UserSummary[]>(userKeys.list());
      queryClient.setQueryData<UserSummary[]>(userKeys.list(), (users) =>
        users?.map((u) =>
          u.id === userId ? { ...u, ...change, pending: "role" in change ? false : u.pending } : u,
        ),
      );
      return { previous };
    },
    onError: (_error, _request, context) => {
      if (context?.previous) queryClient.setQueryData(userKeys.list(), context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

/** Ends every session of another user (an admin's action on the users page). */
export function useEndUserSessions() {
  return useLeanMutation({
    mutationFn: (userId: string) =>
      apiJson<{ ended: number }>(`/api/users/${encodeURIComponent(userId)}/sessions`, { method: "DELETE" }),
  });
}
