// A key as the per-connection keys API sends it: built field by field, so the secret's hash (which
// could confirm a guessed secret offline) never reaches a browser, nor anything an adapter adds later.
import type { ProviderKey } from "@/lib/providers/types";
import type { ConnectionKeyView } from "./types";

export function connectionKeyView(key: ProviderKey): ConnectionKeyView {
  return {
    id: key.id,
    name: key.name,
    group: key.group,
    owner: key.owner,
    hint: key.hint,
    enabled: key.enabled,
    disableReason: key.disableReason,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    expiresAt: key.expiresAt,
    permissions: key.permissions,
    restrictions: key.restrictions,
  };
}
