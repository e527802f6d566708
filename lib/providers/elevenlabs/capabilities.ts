// What ElevenLabs service-account keys can do (contract: elevenlabs/API.md).
import { PERMISSIONS } from "@/lib/permissions";
import type { ProviderCapabilities } from "../types";

export const ELEVENLABS_CAPABILITIES: ProviderCapabilities = {
  label: "ElevenLabs",
  groups: { label: "service account", requiredOnCreate: true },
  owner: false,
  // Keydesk's own limit for ElevenLabs names (lib/keys/schema.ts KEY_NAME_MAX; the API states none).
  name: { maxLength: 100 },
  disable: true,
  leakResponses: ["disable", "rotate", "delete"],
  permissions: { kind: "permission_list", values: PERMISSIONS, allowAll: true, editable: true },
  characterLimit: { reportsUsage: true },
  ipAllowlist: { maxEntries: 100 },
  originRestriction: null,
  resourceRestriction: null,
  expiry: null,
  expiredKeysAreFrozen: false,
  hint: { source: "upstream", length: 4 },
  secretHash: { algorithm: "sha256" },
  lastUsed: false,
  // The API has no rotate: its own advice is a new key with the same permissions, then delete the old.
  rotation: "twin_then_delete",
};
