// Matching: every key of every service account against the search terms, pure (no hashing, no
// I/O), so each rule is tested on plain data. Strongest first; capped, saying how many were left out.
import type { ApiKey, ServiceAccount } from "@/lib/elevenlabs/types";
import { toPublicKey } from "@/lib/keys/view";
import { searchesIdParts, type SearchTerms } from "./terms";
import { CERTAINTY_ORDER, type Candidate, type FindKeyResult, type Match } from "./types";

export const RESULT_CAP = 50;

const lower = (s: string) => s.toLowerCase();
const rank = (m: Match) => CERTAINTY_ORDER.indexOf(m.certainty);

/** Why one key matches, strongest reason first; empty when it does not. */
export function keyMatches(key: ApiKey, terms: SearchTerms): Match[] {
  const matches: Match[] = [];
  // Hex digests compare ignoring case: the upstream and node:crypto need not agree on it.
  const hashMatched =
    terms.secretHash !== null &&
    key.hashedSecret !== "" &&
    lower(key.hashedSecret) === lower(terms.secretHash);
  if (hashMatched) matches.push({ by: "secret_hash", certainty: "exact" });

  if (terms.whole !== null && key.id === terms.whole) matches.push({ by: "key_id", certainty: "exact" });
  else if (terms.part !== null && searchesIdParts(terms) && lower(key.id).includes(lower(terms.part)))
    matches.push({ by: "key_id", certainty: "possible" });

  if (terms.whole !== null && lower(key.name) === lower(terms.whole))
    matches.push({ by: "name", certainty: "likely" });
  else if (terms.part !== null && lower(key.name).includes(lower(terms.part)))
    matches.push({ by: "name", certainty: "possible" });

  // Once the whole secret matched, the same last four characters add nothing.
  if (!hashMatched && terms.hint !== null && key.hint !== "" && lower(key.hint) === lower(terms.hint))
    matches.push({ by: "hint", certainty: "possible" });

  return matches.sort((a, b) => rank(a) - rank(b));
}

/** Within one certainty: more reasons, then a name that starts with the text, then enabled keys (the ones to act on). */
function compare(a: Candidate, b: Candidate, terms: SearchTerms): number {
  const startsWith = (c: Candidate) =>
    terms.part !== null && lower(c.key.name).startsWith(lower(terms.part)) ? 0 : 1;
  return (
    CERTAINTY_ORDER.indexOf(a.certainty) - CERTAINTY_ORDER.indexOf(b.certainty) ||
    b.matches.length - a.matches.length ||
    startsWith(a) - startsWith(b) ||
    Number(b.key.enabled) - Number(a.key.enabled) ||
    a.serviceAccount.name.localeCompare(b.serviceAccount.name) ||
    a.key.name.localeCompare(b.key.name) ||
    a.key.id.localeCompare(b.key.id)
  );
}

export function matchKeys(
  accounts: ServiceAccount[],
  terms: SearchTerms,
  cap = RESULT_CAP,
): Omit<FindKeyResult, "kind" | "generatedAt"> {
  const all: Candidate[] = [];
  for (const account of accounts) {
    for (const key of account.keys) {
      const matches = keyMatches(key, terms);
      if (matches.length === 0) continue;
      all.push({
        key: toPublicKey(key),
        serviceAccount: { id: account.id, name: account.name },
        matchedBy: matches.map((m) => m.by),
        certainty: matches[0]!.certainty,
        matches,
      });
    }
  }
  all.sort((a, b) => compare(a, b, terms));
  const candidates = all.slice(0, cap);
  return { candidates, total: all.length, omitted: all.length - candidates.length };
}
