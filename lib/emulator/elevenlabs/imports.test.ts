// The emulator imports nothing from Keydesk: a bug in Keydesk's code must not be shared by the
// emulator that is there to catch it. Its modules import each other, Node and npm packages only;
// its tests may also use tests/support.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const emulatorRoot = resolve(here, "..");
const repoRoot = resolve(emulatorRoot, "..", "..");
const testSupport = join(repoRoot, "tests", "support");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier: static and type imports, re-exports, dynamic import() and require(). */
function specifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
}

function isAllowed(file: string, specifier: string): boolean {
  if (!specifier.startsWith(".") && !specifier.startsWith("/")) {
    // A package (node:fs, zod, vitest), never Keydesk through the "@/" alias.
    return !specifier.startsWith("@/") && !specifier.startsWith("~/");
  }
  const target = resolve(dirname(file), specifier);
  if (target === emulatorRoot || target.startsWith(emulatorRoot + sep)) return true;
  const isTest = /\.test\.tsx?$/.test(file);
  return isTest && (target === testSupport || target.startsWith(testSupport + sep));
}

describe("the emulator's imports", () => {
  const files = sourceFiles(emulatorRoot);

  it("finds the emulator's sources (the scan is not looking at an empty folder)", () => {
    expect(files.length).toBeGreaterThan(10);
    // Spelt in pieces, so that this file's own text holds no import of Keydesk.
    const keydesk = "@" + "/lib/b";
    const source = `import { a } from "./a";\nimport type { B } from "${keydesk}";`;
    expect(specifiers(source)).toEqual(["./a", keydesk]);
    expect(specifiers(`const m = await import("${keydesk}");`)).toEqual([keydesk]);
    expect(isAllowed(join(here, "x.ts"), keydesk)).toBe(false);
    expect(isAllowed(join(here, "x.ts"), "../../../lib/ip/cidr")).toBe(false);
    expect(isAllowed(join(here, "x.test.ts"), "../../../tests/support/csv")).toBe(true);
    expect(isAllowed(join(here, "x.ts"), "../../../tests/support/csv")).toBe(false);
  });

  it("reach only the emulator itself, Node and packages (tests: also tests/support)", () => {
    const offending = files.flatMap((file) =>
      specifiers(readFileSync(file, "utf8"))
        .filter((specifier) => !isAllowed(file, specifier))
        .map((specifier) => `${relative(repoRoot, file)}: ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});
