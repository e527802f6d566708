// What an ONLYOFFICE DocSpace portal can do with API keys (contract: providers/docspace.md).
import { DOCSPACE_SCOPES, type ProviderCapabilities } from "../types";

export const DOCSPACE_CAPABILITIES: ProviderCapabilities = {
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
