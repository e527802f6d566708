// What a query is taken for, from its shape alone. Anything that might be a secret is treated as
// one (hashed, never echoed, cleared from the screen, audited by its last four characters only):
// mistaking a long name for a secret costs nothing, mistaking a secret for a name could leak it.

/** An ElevenLabs secret inside a longer paste (an .env line, a JSON snippet); same rule as the audit guard. */
const EMBEDDED_SECRET = /sk_[0-9a-f]{32,}/i;
/** The whole query is `sk_` and hex: a secret, however short. */
const WHOLE_SECRET = /^sk_[0-9a-f]+$/i;
/** 20 or more characters without a space: could be a secret in a format we do not know. */
const LONG_TOKEN = /^\S{20,}$/;
const HINT = /^\S{4}$/;

export const HINT_LENGTH = 4;

export type ClassifiedQuery =
  | {
      kind: "secret";
      /** The secret to hash: the whole query, or the `sk_…` found inside it. */
      secret: string;
      /** "sk": shaped like an ElevenLabs secret; "token": only long and without spaces. */
      shape: "sk" | "token";
      hint: string;
    }
  | { kind: "hint"; text: string }
  | { kind: "text"; text: string };

export function classifyQuery(raw: string): ClassifiedQuery {
  const text = raw.trim();
  if (WHOLE_SECRET.test(text)) return secret(text, "sk");
  const embedded = EMBEDDED_SECRET.exec(text)?.[0];
  if (embedded) return secret(embedded, "sk");
  if (LONG_TOKEN.test(text)) return secret(text, "token");
  if (HINT.test(text)) return { kind: "hint", text };
  return { kind: "text", text };
}

function secret(value: string, shape: "sk" | "token"): ClassifiedQuery {
  return { kind: "secret", secret: value, shape, hint: value.slice(-HINT_LENGTH) };
}
