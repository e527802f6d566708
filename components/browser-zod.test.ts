// The browser gets zod/mini only. Classic zod's chained methods bring the whole library (about
// 30 KiB gzip) to every page that imports any of it, and the shared schemas are on zod/mini
// (lib/text/zod-mini.ts) so that the forms need none of it. This follows the imports of every
// client module ("use client", and all it imports at run time) and fails on any path to "zod".
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" && dir.endsWith("app") ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The specifiers a module loads at run time: `import type` and `export type` lines carry no code. */
function runtimeImports(text: string): string[] {
  const found: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm;
  for (const match of text.matchAll(pattern)) if (!match[1]) found.push(match[2]!);
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? resolve(dirname(from), specifier)
      : null;
  if (base === null) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, "index.ts"),
    join(base, "index.tsx"),
  ])
    if (existsSync(candidate) && !candidate.endsWith("/")) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        // a folder: try the next candidate
      }
    }
  return null;
}

/** Each module's first import path (from `starts`) to a specifier `isTarget` picks, as "a.tsx > b.ts > zod". */
function pathsTo(starts: string[], isTarget: (specifier: string) => boolean): string[] {
  const found: string[] = [];
  for (const start of starts) {
    const seen = new Set<string>([start]);
    const queue: string[][] = [[start]];
    while (queue.length) {
      const chain = queue.shift()!;
      const file = chain.at(-1)!;
      for (const specifier of runtimeImports(readFileSync(file, "utf8"))) {
        if (isTarget(specifier)) {
          found.push([...chain.map((f) => relative(ROOT, f)), specifier].join(" > "));
          queue.length = 0;
          break;
        }
        const next = resolveLocal(file, specifier);
        if (next && !seen.has(next)) {
          seen.add(next);
          queue.push([...chain, next]);
        }
      }
    }
  }
  return found;
}

/** Each client module's first import path to classic zod. */
function pathsToClassicZod(): string[] {
  const clients = [...sourceFiles(join(ROOT, "components")), ...sourceFiles(join(ROOT, "app"))].filter(
    (file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")),
  );
  return pathsTo(clients, (specifier) => specifier === "zod" || specifier.startsWith("zod/v4/classic"));
}

describe("the browser's zod", () => {
  it("finds the client modules it checks", () => {
    expect(
      runtimeImports('import { z } from "zod";\nimport type { Y } from "./y";\nimport "./side";'),
    ).toEqual(["zod", "./side"]);
  });

  it("no client module imports classic zod, directly or through what it imports", () => {
    expect(pathsToClassicZod()).toEqual([]);
  });

  // The "All keys" view reads its URL by hand (lib/inventory/url-filters.ts): zod, even zod/mini,
  // would be most of the view's code, which the page waits for before showing any key.
  it("the inventory's view runs no zod at all", () => {
    const view = join(ROOT, "components", "inventory", "inventory-view.tsx");
    expect(pathsTo([view], (specifier) => specifier === "zod" || specifier.startsWith("zod/"))).toEqual([]);
  });
});
