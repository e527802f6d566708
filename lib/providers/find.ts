// Find a key among one connection's keys: by the hash of a pasted secret where the provider
// publishes one, by its id, by its hint or postfix (a pasted secret ends with it) and by name.
// Each candidate says how it matched, strongest reason first.
import "server-only";
import { createHash } from "node:crypto";
import type { KeyMatch, KeyMatchReason, ProviderCapabilities, ProviderKey } from "./types";

/** Below this, a hint or name fragment matches too many keys to be a finding. */
const MIN_FRAGMENT = 3;

export function findKeys(caps: ProviderCapabilities, keys: ProviderKey[], query: string): KeyMatch[] {
  const q = query.trim();
  if (q.length === 0) return [];
  const lower = q.toLowerCase();
  const hash = caps.secretHash ? createHash("sha256").update(q).digest("hex") : null;
  const matches: KeyMatch[] = [];
  for (const key of keys) {
    const matchedBy: KeyMatchReason[] = [];
    if (hash !== null && key.secretHash !== null && key.secretHash.toLowerCase() === hash)
      matchedBy.push("secret_hash");
    if (key.id === q) matchedBy.push("id");
    if (key.hint && key.hint.length >= MIN_FRAGMENT && lower.endsWith(key.hint.toLowerCase()))
      matchedBy.push("hint");
    if (q.length >= MIN_FRAGMENT && key.name.toLowerCase().includes(lower)) matchedBy.push("name");
    if (matchedBy.length > 0) matches.push({ key, matchedBy });
  }
  const strength: Record<KeyMatchReason, number> = { secret_hash: 0, id: 1, hint: 2, name: 3 };
  return matches.sort((a, b) => strength[a.matchedBy[0]!] - strength[b.matchedBy[0]!]);
}
