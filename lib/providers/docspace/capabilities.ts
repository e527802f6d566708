// What an ONLYOFFICE DocSpace portal can do with API keys (contract: providers/docspace.md).
import { DOCSPACE_SCOPES, type ProviderCapabilities } from "../types";

export const DOCSPACE_CAPABILITIES: ProviderCapabilities = {
  label: "DocSpace",
  groups: null,
  owner: true,
  name: { maxLength: 30 },
  disable: true,
  leakResponses: ["disable", "rotate", "delete"],
  permissions: {
    kind: "scopes",
    values: DOCSPACE_SCOPES,
    unrestricted: "*",
    editable: true,
    // A key acts with its creator's access; a scope narrows that. `X:write` includes `X:read`.
    descriptions: {
      "*": "Everything its creator can do, with no restriction.",
      "*:read": "Read anything its creator can see (any read request).",
      "*:write": "Read and change anything its creator can (any request).",
      "accounts.self:read": "Read its creator's own profile.",
      "accounts.self:write": "Read and change its creator's own profile.",
      "accounts:read": "Read the portal's people and groups.",
      "accounts:write": "Read, add and change the portal's people and groups.",
      "files:read": "Read files and folders.",
      "files:write": "Read, upload, change and delete files and folders.",
      "rooms:read": "Read rooms and what they hold.",
      "rooms:write": "Read, create, change and archive rooms.",
    },
  },
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
