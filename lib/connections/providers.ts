// The providers a connection may be for, and what the form offers for each: ElevenLabs' API and
// its data-residency regions (the base URLs of the official SDK's ElevenLabsEnvironment), a
// DocSpace portal's origin, Voiceable's API base. Browser-safe.

import { PROVIDER_IDS, type ProviderId } from "@/lib/providers/types";

export const CONNECTION_PROVIDERS = PROVIDER_IDS;
export type ConnectionProvider = ProviderId;

export const PROVIDER_LABELS: Record<ConnectionProvider, string> = {
  elevenlabs: "ElevenLabs",
  docspace: "ONLYOFFICE DocSpace",
  voiceable: "Voiceable",
};

/** ElevenLabs' API and its residency regions (the SDK's Production, ProductionEu, ProductionIndia, ProductionSingapore). */
export const ELEVENLABS_REGIONS = [
  { id: "default", label: "Default (api.elevenlabs.io)", baseUrl: "https://api.elevenlabs.io" },
  { id: "eu", label: "EU residency", baseUrl: "https://api.eu.residency.elevenlabs.io" },
  { id: "in", label: "India residency", baseUrl: "https://api.in.residency.elevenlabs.io" },
  { id: "sg", label: "Singapore residency", baseUrl: "https://api.sg.residency.elevenlabs.io" },
] as const;

/** What the base URL field suggests for each provider. */
export const BASE_URL_HINTS: Record<ConnectionProvider, string> = {
  elevenlabs: "The API or a residency region; another URL only for a stand-in such as Keydesk's emulator.",
  docspace: "The portal's address, e.g. https://example.onlyoffice.com.",
  voiceable: "The API's base URL, path included, e.g. https://api.voiceable.dev/voiceable-api/api/v1.",
};
