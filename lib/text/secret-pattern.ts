// What an ElevenLabs API key secret looks like: `sk_` and a run of hex (48 now, 32 for older keys).
// One rule, shared by the audit log's last-line guard (lib/audit/secret-guard.ts) and the input
// schemas that refuse a secret pasted into a name before anything is sent or written. Browser-safe.

export const SECRET_PATTERN = /sk_[0-9a-f]{32,}/i;

/** True when `text` holds something shaped like a secret anywhere in it. */
export function looksLikeSecret(text: string): boolean {
  return SECRET_PATTERN.test(text);
}

const EVERY_SECRET = new RegExp(SECRET_PATTERN.source, "gi");

/** `text` with every secret-shaped run replaced: for text Keydesk did not choose (a key name set
 * in ElevenLabs' own settings), which may be recorded but must never carry a secret. */
export function redactSecrets(text: string): string {
  return text.replace(EVERY_SECRET, "sk_[redacted]");
}
