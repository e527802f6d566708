// What a classified query is compared with. Kept apart from matching so the matcher never sees an
// `sk_…` secret, only its hash (worked out on the server, see hash.ts) and its last four characters.
import type { ClassifiedQuery } from "./classify";

export interface SearchTerms {
  /** SHA-256 hex of a pasted secret, compared with each key's hashedSecret. */
  secretHash: string | null;
  /** Compared with each key's hint (the secret's last four characters). */
  hint: string | null;
  /** Compared whole: with the key id (exact) and the name, ignoring case (likely). */
  whole: string | null;
  /** Looked for inside names (and inside ids from four characters on). */
  part: string | null;
}

/** Ids are random: one to three characters would "match" most of them. */
const ID_PART_MIN = 4;

export function searchTerms(query: ClassifiedQuery, secretHash: string | null): SearchTerms {
  switch (query.kind) {
    case "secret":
      // An `sk_…` secret is no one's id or name; a long token might be either, so it is tried whole.
      return {
        secretHash,
        hint: query.hint,
        whole: query.shape === "token" ? query.secret : null,
        part: null,
      };
    case "hint":
      return { secretHash: null, hint: query.text, whole: query.text, part: query.text };
    case "text":
      return { secretHash: null, hint: null, whole: query.text, part: query.text };
  }
}

export function searchesIdParts(terms: SearchTerms): boolean {
  return terms.part !== null && terms.part.length >= ID_PART_MIN;
}
