// Keys and connections of other providers for the inventory tests, as /api/inventory/connections
// sends them: a DocSpace portal and a Voiceable account, each key safe by default.
import { DOCSPACE_CAPABILITIES } from "@/lib/providers/docspace/capabilities";
import { ELEVENLABS_CAPABILITIES } from "@/lib/providers/elevenlabs/capabilities";
import { VOICEABLE_CAPABILITIES } from "@/lib/providers/voiceable/capabilities";
import type { ProviderKey } from "@/lib/providers/types";
import type { InventoryConnection } from "@/lib/inventory/connections";

export const PRIMARY: InventoryConnection = {
  id: "env-elevenlabs",
  name: "ElevenLabs (ELEVENLABS_API_KEY)",
  provider: "elevenlabs",
  capabilities: ELEVENLABS_CAPABILITIES,
};
export const PORTAL: InventoryConnection = {
  id: "conn_portal",
  name: "Support portal",
  provider: "docspace",
  capabilities: DOCSPACE_CAPABILITIES,
};
export const VOICE: InventoryConnection = {
  id: "conn_voice",
  name: "Voice widget",
  provider: "voiceable",
  capabilities: VOICEABLE_CAPABILITIES,
};

const RECENT = new Date(Date.now() - 24 * 3600_000).toISOString();
const SOON = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();

export function docspaceKey(overrides: Partial<ProviderKey> = {}): ProviderKey {
  return {
    id: "ds_1",
    name: "BI dashboard",
    group: null,
    owner: "Ann Admin",
    hint: "x9Q2",
    secretHash: null,
    enabled: true,
    disableReason: null,
    createdAt: RECENT,
    lastUsedAt: RECENT,
    expiresAt: SOON,
    permissions: { kind: "scopes", value: ["files:read", "rooms:write"], unknown: [] },
    restrictions: {},
    ...overrides,
  };
}

export function voiceableKey(overrides: Partial<ProviderKey> = {}): ProviderKey {
  return {
    id: "7",
    name: "Website widget",
    group: null,
    owner: "owner@example.com",
    hint: null,
    secretHash: null,
    enabled: null,
    disableReason: null,
    createdAt: RECENT,
    lastUsedAt: null,
    expiresAt: null,
    permissions: { kind: "key_type", value: "public" },
    restrictions: {
      allowedOrigins: ["https://example.com"],
      assistants: { allowed: ["asst_1"], transient: false },
    },
    ...overrides,
  };
}
