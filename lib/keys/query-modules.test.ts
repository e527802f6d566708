// A bundle takes a module whole. The key's own page changes keys but reads none through react-query,
// so the modules it loads for a change must not name useQuery: that one import brings the query
// observer (about 3 KiB gzip) into its first load (tests/bench/first-load-js.ts shows it).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const source = (path: string) => readFileSync(resolve(__dirname, "../..", path), "utf8");

describe("the key query modules", () => {
  it("keep the reads' useQuery out of the changes and the keys", () => {
    for (const path of ["lib/keys/mutations.ts", "lib/keys/query-keys.ts", "lib/inventory/query-keys.ts"])
      expect(source(path), path).not.toMatch(/\buseQuery\b|\/queries"/);
    expect(source("components/key-page/primary-key-actions.tsx")).not.toMatch(/lib\/keys\/queries"/);
  });
});
