// The provider layer: one interface (types.ts) for what Keydesk does with keys on ElevenLabs,
// ONLYOFFICE DocSpace and Voiceable, one adapter per provider, each declaring its capabilities.
// Server-only: route handlers and lib/ features import this, never client components.
import "server-only";
import { docspaceProvider } from "./docspace/client";
import { elevenlabsProvider } from "./elevenlabs/client";
import type { KeyProvider, ProviderId } from "./types";
import { voiceableProvider } from "./voiceable/client";

export * from "./types";
export { fromProviderError, fromRefusal, ProviderRefusal } from "./errors";
export { UpstreamError } from "@/lib/elevenlabs/errors";

const PROVIDERS: Record<ProviderId, KeyProvider> = {
  elevenlabs: elevenlabsProvider,
  docspace: docspaceProvider,
  voiceable: voiceableProvider,
};

export function getProvider(id: ProviderId): KeyProvider {
  const provider = PROVIDERS[id];
  if (!provider) throw new Error(`Unknown provider: ${String(id)}`);
  return provider;
}
