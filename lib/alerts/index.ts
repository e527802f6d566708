// Alerts' delivery side (lib/alerts/DECISIONS.md): channels, the delivery log, sending and retrying.
// The bus itself is events.ts, which the noticing parts import directly.
import "server-only";
import { channelView, listChannels } from "./channel-store";
import type { AlertDeps } from "./dispatcher";
import type { ChannelView } from "./types";

export { addChannel, removeChannel, testChannel } from "./actions";
export { recentDeliveries } from "./deliveries";
export { recordAlert, runDueDeliveries, type AlertDeps, type DeliveryRunSummary } from "./dispatcher";

export async function listChannelViews(deps: AlertDeps): Promise<ChannelView[]> {
  return (await listChannels(deps.db, deps.keys)).map(channelView);
}
