// Text Keydesk will accept at all. PostgreSQL cannot store a NUL byte (the insert fails) nor a lone
// UTF-16 surrogate (it is silently replaced), and neither has any business in a name, an id or a
// filter; so both are refused at the edge with the field and the reason, before anything is sent
// upstream or written. Browser-safe: the forms use the same schemas as the route handlers.
import type { $RefinementCtx } from "zod/v4/core";
import * as z from "./zod-mini";
import { looksLikeSecret } from "./secret-pattern";
// The check itself has no zod in it (text-problem.ts), for browser code that needs no schema.
import { SECRET_ADVICE, textProblem } from "./text-problem";

export { NUL_MESSAGE, SECRET_ADVICE, SURROGATE_MESSAGE, textProblem } from "./text-problem";

/** For `z.superRefine` on any string schema: a NUL byte or a lone surrogate is an issue on that field. */
export function refuseBadText(text: string, ctx: $RefinementCtx<string>): void {
  const problem = textProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

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
