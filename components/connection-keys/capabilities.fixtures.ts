// The three providers' capabilities as the API sends them, for this folder's tests (the real
// objects live in lib/providers, which browser code may not import; the API answers with them).
import { PERMISSIONS } from "@/lib/permissions";
import { DOCSPACE_SCOPES, VOICEABLE_KEY_TYPES, type ProviderCapabilities } from "@/lib/providers/types";

export const ELEVENLABS: ProviderCapabilities = {
  label: "ElevenLabs",
  groups: { label: "service account", requiredOnCreate: true },
  owner: false,
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
  rotation: "twin_then_delete",
};

export const DOCSPACE: ProviderCapabilities = {
  label: "DocSpace",
  groups: null,
  owner: true,
  name: { maxLength: 30 },
  disable: true,
  leakResponses: ["disable", "rotate", "delete"],
  permissions: { kind: "scopes", values: DOCSPACE_SCOPES, unrestricted: "*", editable: true },
  characterLimit: null,
  ipAllowlist: null,
  originRestriction: null,
  resourceRestriction: null,
  expiry: { setAt: "create", minDays: 1, maxDays: 365 },
  expiredKeysAreFrozen: true,
  hint: { source: "upstream", length: 4 },
  secretHash: null,
  lastUsed: true,
  rotation: "twin_then_delete",
};

export const VOICEABLE: ProviderCapabilities = {
  label: "Voiceable",
  groups: null,
  owner: true,
  name: { maxLength: 255 },
  disable: false,
  leakResponses: ["rotate", "delete"],
  permissions: { kind: "key_type", values: VOICEABLE_KEY_TYPES, editable: false },
  characterLimit: null,
  ipAllowlist: null,
  originRestriction: { emptyMeans: "any_origin" },
  resourceRestriction: { resource: "assistants", emptyMeans: "all", transientFlag: true },
  expiry: null,
  expiredKeysAreFrozen: false,
  hint: null,
  secretHash: null,
  lastUsed: false,
  rotation: "twin_then_delete",
};
