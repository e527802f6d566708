// Dark mode turns the whole palette over in app/globals.css (slate-900 becomes the light end), so
// a `dark:` class turns a colour over twice: `dark:bg-slate-900` paints a light panel under the
// dark scheme's light text. This fails on any `dark:` class in the console's markup.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");

function markupFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markupFiles(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

describe("dark mode", () => {
  it("comes from the turned-over palette, never from dark: classes", () => {
    const offenders = ["app", "components"]
      .flatMap((dir) => markupFiles(join(ROOT, dir)))
      .flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/[\s"'`]dark:[\w[\]-]+/g)].map(
          (m) => `${relative(ROOT, file)}: ${m[0].trim()}`,
        ),
      );
    expect(offenders).toEqual([]);
  });
});
