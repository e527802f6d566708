// Could this key be the admin credential Keydesk itself uses for the connection? Deleting or
// rotating that key stops the connection working, and its confirmation must say so. The browser
// gets only the answer (a boolean per key), never the credential; the connection's stored hint
// (its last four characters, lib/connections/crypto.ts credentialHint) is what is compared.
import type { KeyPermissions, ProviderKey } from "@/lib/providers/types";

/** Fewer characters than this say nothing about which secret a key is. */
const HINT_MATCH_MIN = 4;

/** A key that can do everything its provider allows: the kind of key an admin credential is. */
function fullAccess(permissions: KeyPermissions): boolean {
  return permissions.kind === "key_type" ? permissions.value === "private" : permissions.value === "all";
}

/**
 * True when the key's hint (or postfix) ends the same way as the credential; where either is
 * missing (a provider that shows no hint, Voiceable; a credential too short to have a hint), true
 * for a key with full access, since it may be the credential and nothing tells otherwise.
 */
export function mayBeConnectionCredential(
  key: Pick<ProviderKey, "hint" | "permissions">,
  credentialHint: string,
): boolean {
  const hint = key.hint ?? "";
  const length = Math.min(hint.length, credentialHint.length);
  if (length < HINT_MATCH_MIN) return fullAccess(key.permissions);
  return hint.slice(-length) === credentialHint.slice(-length);
}
