// One connection at a glance, for the overview: its name and provider, how many keys it has and,
// where the provider can switch keys off, how many are off; or why it could not be read, with the
// upstream's request id. Pure (the reads come from read-all.ts), so a page and a test share it.
import type { ConnectionRead, ConnectionReadError } from "./read-all";
import { PROVIDER_LABELS } from "./providers";

export type ConnectionSummary = {
  id: string;
  name: string;
  providerLabel: string;
} & (
  | {
      ok: true;
      keys: number;
      /** null: the provider has no disable, so there is nothing to count. */
      disabled: number | null;
      readAt: string;
    }
  | { ok: false; error: ConnectionReadError }
);

export function summarizeRead(read: ConnectionRead): ConnectionSummary {
  const { id, name, provider } = read.connection;
  const head = { id, name, providerLabel: PROVIDER_LABELS[provider] };
  if (!read.ok) return { ...head, ok: false, error: read.error };
  return {
    ...head,
    ok: true,
    keys: read.keys.length,
    disabled: read.capabilities.disable ? read.keys.filter((k) => k.enabled === false).length : null,
    readAt: read.readAt,
  };
}
