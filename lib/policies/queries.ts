// The rules in react-query: read by everyone (the page and each key's "breaks" list), saved by admins.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiJson } from "@/lib/http/client";
import type { PolicyRule } from "./rules";

export const policiesQueryKey = ["policies"] as const;

interface PoliciesAnswer {
  rules: PolicyRule[];
}

/** `enabled` false: not read until needed (All keys reads them only for its policy filter). */
export function usePolicies(initial?: PolicyRule[], enabled = true) {
  return useQuery({
    queryKey: policiesQueryKey,
    queryFn: async () => (await apiJson<PoliciesAnswer>("/api/policies")).rules,
    initialData: initial,
    staleTime: 30_000,
    enabled,
  });
}

export function useSavePolicies() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (rules: PolicyRule[]) =>
      (await apiJson<PoliciesAnswer>("/api/policies", { method: "PUT", body: { rules } })).rules,
    onSuccess: (rules) => client.setQueryData(policiesQueryKey, rules),
  });
}
