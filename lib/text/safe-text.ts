// Text Keydesk will accept at all. PostgreSQL cannot store a NUL byte (the insert fails) nor a lone
// UTF-16 surrogate (it is silently replaced), and neither has any business in a name, an id or a
// filter; so both are refused at the edge with the field and the reason, before anything is sent
// upstream or written. Browser-safe: the forms use the same schemas as the route handlers.
import type { $RefinementCtx } from "zod/v4/core";
import * as z from "./zod-mini";
import { looksLikeSecret } from "./secret-pattern";

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

/** For `z.superRefine` on any string schema: a NUL byte or a lone surrogate is an issue on that field. */
export function refuseBadText(text: string, ctx: $RefinementCtx<string>): void {
  const problem = textProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

/** What to do instead, after "Looks like an API key secret; ". */
export const SECRET_ADVICE = {
  names: "do not paste secrets into names",
  email: "do not paste secrets into an email address",
  reason: "do not paste secrets into a reason",
  filter: "to find a key by its secret, use Find a key",
} as const;

/**
 * For `z.superRefine` on text that ends up on the audit log (names, reasons, filters): a secret
 * pasted there is refused by name here, instead of the audit log's guard failing the request later
 * with a 500 (or after a user row was already written). The message never quotes the value.
 */
export function refuseSecret(advice: keyof typeof SECRET_ADVICE) {
  return (text: string, ctx: $RefinementCtx<string>): void => {
    if (looksLikeSecret(text))
      ctx.addIssue({ code: "custom", message: `Looks like an API key secret; ${SECRET_ADVICE[advice]}` });
  };
}

/** A string that passes textProblem: the base of every text field (a zod/mini schema: add checks with `.check`). */
export function safeText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).check(z.superRefine(refuseBadText));
}

export interface TextIssue {
  path: (string | number)[];
  message: string;
}

/** At most this many problems are reported from one value: enough to fix, not a flood. */
const MAX_ISSUES = 20;

/**
 * Every string in a parsed JSON value, a route's params or its query (object keys included), that
 * textProblem refuses, each with its path. withRole runs this on everything a request carries, so
 * no route can forget it, whatever its schema says.
 */
export function findBadText(
  value: unknown,
  path: (string | number)[] = [],
  found: TextIssue[] = [],
): TextIssue[] {
  if (found.length >= MAX_ISSUES) return found;
  if (typeof value === "string") {
    const problem = textProblem(value);
    if (problem) found.push({ path, message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findBadText(item, [...path, i], found));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      // A bad field name is reported on the object holding it: the name itself is not fit to echo.
      const problem = textProblem(key);
      if (problem && found.length < MAX_ISSUES)
        found.push({ path, message: `A field name ${problem.charAt(0).toLowerCase()}${problem.slice(1)}` });
      findBadText(item, [...path, key], found);
    }
  }
  return found;
}
