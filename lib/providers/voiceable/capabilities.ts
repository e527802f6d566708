// What a Voiceable account can do with API keys (contract: providers/voiceable.md).
import { VOICEABLE_KEY_TYPES, type ProviderCapabilities } from "../types";

export const VOICEABLE_CAPABILITIES: ProviderCapabilities = {
  label: "Voiceable",
  groups: null,
  owner: true,
  name: { maxLength: 255 },
  // No disable upstream: a leak is answered by rotating or deleting.
  disable: false,
  leakResponses: ["rotate", "delete"],
  permissions: {
    kind: "key_type",
    values: VOICEABLE_KEY_TYPES,
    editable: false,
    descriptions: {
      private: "Full access to the account, as its owner: for servers only.",
      public: "Client-side use in a browser or an app (a widget), restricted to what that needs.",
    },
  },
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
