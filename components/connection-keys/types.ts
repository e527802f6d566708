// The shapes the connection-keys API answers with (see the route handlers under
// app/api/connections/[connectionId]/keys), as the browser sees them.
import type { ConnectionView } from "@/lib/connections/types";
import type { ProviderCapabilities, ProviderKey } from "@/lib/providers/types";

/** A key as the API shows it: the provider's key without its secret hash. */
export type ConnectionKeyView = Omit<ProviderKey, "secretHash">;

export interface ConnectionKeysAnswer {
  connection: ConnectionView;
  capabilities: ProviderCapabilities;
  keys: ConnectionKeyView[];
  readAt: string;
}

export interface CreatedConnectionKey {
  key: ConnectionKeyView;
  secret: string;
}

export interface RotatedConnectionKey {
  style: ProviderCapabilities["rotation"];
  twin: CreatedConnectionKey;
  old: { id: string; outcome: "deleted" } | { id: string; outcome: "delete_failed"; message: string };
}
