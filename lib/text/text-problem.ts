// Text Keydesk will accept at all (see safe-text.ts for why): the check alone, without zod, for
// code that runs in the browser and needs no schema (the inventory's URL filters).

export const NUL_MESSAGE = "Must not contain a NUL byte";
export const SURROGATE_MESSAGE = "Contains an unpaired surrogate (broken Unicode text)";

/**
 * A surrogate half without its partner: a high one not followed by a low one, or a low one alone.
 * A loop over code units rather than a regular expression with a lookbehind, which older Safari
 * versions cannot even parse (and these schemas run in the browser too).
 */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit >= 0xdc00) return true; // a low half with no high half before it
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return true; // a high half with no low half after it
    i++;
  }
  return false;
}

/** Either problem's first sign; almost all text has neither, so it is the only scan it gets. */
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

/** Why `text` cannot be accepted, or null when it can. */
export function textProblem(text: string): string | null {
  if (!SUSPECT.test(text)) return null;
  if (text.includes("\u0000")) return NUL_MESSAGE;
  if (hasLoneSurrogate(text)) return SURROGATE_MESSAGE;
  return null;
}

/** What to do instead, after "Looks like an API key secret; ". */
export const SECRET_ADVICE = {
  names: "do not paste secrets into names",
  email: "do not paste secrets into an email address",
  reason: "do not paste secrets into a reason",
  filter: "to find a key by its secret, use Find a key",
} as const;
