// A key as a search result carries it: each field named, so the secret's hash (and anything added
// to ApiKey later) cannot ride along into the answer by accident.
import type { ApiKey } from "@/lib/domain/service-accounts";
import type { KeyView } from "@/lib/keys-ui/key-view";

export function candidateKeyView(key: ApiKey): KeyView {
  return {
    id: key.id,
    serviceAccountId: key.serviceAccountId,
    name: key.name,
    hint: key.hint,
    enabled: key.enabled,
    permissions: key.permissions,
    characterLimit: key.characterLimit,
    characterCount: key.characterCount,
    allowedIps: key.allowedIps,
    createdAt: key.createdAt,
    disableReason: key.disableReason,
    rotation: key.rotation ?? null,
  };
}
