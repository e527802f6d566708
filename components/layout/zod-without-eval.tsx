"use client";

// Zod compiles its object parsers with `new Function` when it may. Under Keydesk's CSP (no
// 'unsafe-eval') that probe is refused and reported as a CSP violation, though Zod then works
// without it; saying so up front keeps the page's CSP report clean. Rendered by the root layout so
// it runs before any form parses.
import { z } from "zod";

z.config({ jitless: true });

export function ZodWithoutEval(): null {
  return null;
}
