"use client";

// Classic zod compiles its object parsers with `new Function` when it may. Under Keydesk's CSP (no
// 'unsafe-eval') that probe is refused and reported as a CSP violation, though Zod then works
// without it; saying so up front keeps the page's CSP report clean. Rendered by the root layout so
// it runs before any form parses. The browser's schemas are zod/mini (lib/text/zod-mini.ts), which
// never compiles; this stays as a guard, and sets only the core's flag (no classic zod on the page).
import { config } from "zod/v4/core";

config({ jitless: true });

export function ZodWithoutEval(): null {
  return null;
}
