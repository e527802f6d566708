// Alert channels and the delivery log in react-query: one key factory, the reads, and the mutations;
// each change refreshes the channels and the log (a test send adds a delivery). Browser-safe.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiJson } from "@/lib/http/client";
import type { SendOutcomeView } from "./send-outcome";
import type { ChannelView, DeliveryView } from "./types";

export const alertKeys = {
  all: ["alerts"] as const,
  channels: () => [...alertKeys.all, "channels"] as const,
  deliveries: () => [...alertKeys.all, "deliveries"] as const,
};

const path = (id: string) => `/api/alerts/channels/${encodeURIComponent(id)}`;

export function useAlertChannels() {
  return useQuery({
    queryKey: alertKeys.channels(),
    queryFn: async () => (await apiJson<{ channels: ChannelView[] }>("/api/alerts/channels")).channels,
  });
}

export function useAlertDeliveries() {
  return useQuery({
    queryKey: alertKeys.deliveries(),
    queryFn: async () => (await apiJson<{ deliveries: DeliveryView[] }>("/api/alerts/deliveries")).deliveries,
    // Retries happen on the server's clock: the log is read again now and then while the page is open.
    refetchInterval: 30_000,
  });
}

function useAlertMutation<A, R>(run: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  });
}

/** What the add form sends: one of the channel types' bodies (schema.ts checks it on the server). */
export type NewChannelBody = Record<string, unknown> & { type: string; name: string };

export const useAddAlertChannel = () =>
  useAlertMutation((body: NewChannelBody) =>
    apiJson<{ channel: ChannelView }>("/api/alerts/channels", { method: "POST", body }),
  );

export const useTestAlertChannel = () =>
  useAlertMutation((id: string) =>
    apiJson<{ test: SendOutcomeView }>(`${path(id)}/test`, { method: "POST" }),
  );

export const useRemoveAlertChannel = () =>
  useAlertMutation((id: string) => apiJson<{ removed: string }>(path(id), { method: "DELETE" }));
