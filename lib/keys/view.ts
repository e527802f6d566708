// The key and service account as Keydesk's JSON API sends them to the browser: the domain shape
// without what the browser has no use for (the secret's hash), plus the rotation Keydesk tracks.
import type { ApiKey, KeyOrigin, KeyRotation, ServiceAccount } from "@/lib/elevenlabs/types";
import type { Permissions } from "@/lib/permissions";

export interface KeyView {
  id: string;
  serviceAccountId: string;
  name: string;
  hint: string;
  enabled: boolean;
  permissions: Permissions;
  characterLimit: number | null;
  characterCount: number | null;
  allowedIps: string[] | null;
  createdAt: string | null;
  disableReason: string | null;
  rotation: KeyRotation | null;
  /**
   * How Keydesk first learned of the key; "outside": it appeared without Keydesk. Null when not
   * known (the API always sends it; optional only so views built by hand need not name it).
   */
  origin?: KeyOrigin | null;
}

export interface ServiceAccountView {
  id: string;
  name: string;
  createdAt: string | null;
  keys: KeyView[];
}

/**
 * A key as Keydesk's API and pages send it: field by field, so the secret's hash (which could
 * confirm a guessed secret offline) never reaches a browser.
 */
export function toPublicKey(key: ApiKey): KeyView {
  return toPublicKeyWith(key, key.rotation ?? null, key.origin ?? null);
}

/** toPublicKey with the read's rotation and origin given beside the key, not on it (lib/keys/list.ts). */
export function toPublicKeyWith(
  key: ApiKey,
  rotation: KeyRotation | null,
  origin: KeyOrigin | null,
): KeyView {
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
    rotation,
    origin,
  };
}

export function toPublicAccount(account: ServiceAccount): ServiceAccountView {
  return {
    id: account.id,
    name: account.name,
    createdAt: account.createdAt,
    keys: account.keys.map(toPublicKey),
  };
}

/** What a reviewer looks at first: unrestricted, open to any IP, uncapped. */
export function keyRisks(key: Pick<KeyView, "permissions" | "allowedIps" | "characterLimit">): string[] {
  const risks: string[] = [];
  if (key.permissions === "all") risks.push("all permissions");
  if (key.allowedIps === null) risks.push("no IP allowlist");
  if (key.characterLimit === null) risks.push("no monthly limit");
  return risks;
}
