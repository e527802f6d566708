// A bundle takes a module whole. The hooks a page uses in its first load read and change through
// the lean hooks of lib/query: one import of react-query's useQuery or useMutation in such a
// module brings its observer (about 3.5 KiB and 1.2 KiB gzip) back into the first load of every
// page that lists or changes something (tests/bench/first-load-js.ts shows it). And the key page
// changes keys but reads none: the modules it loads for a change must not name the reads.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const source = (path: string) => readFileSync(resolve(__dirname, "../..", path), "utf8");

const FIRST_LOAD_HOOKS = [
  "lib/keys/queries.ts",
  "lib/keys/mutations.ts",
  "lib/keys/set-enabled.ts",
  "lib/users/queries.ts",
  "lib/auth/queries.ts",
  "lib/connections/queries.ts",
];

describe("the query modules of the pages' first load", () => {
  it("use the lean hooks, never react-query's observers", () => {
    for (const path of FIRST_LOAD_HOOKS) expect(source(path), path).not.toMatch(/\buse(Query|Mutation)\b/);
  });

  it("keep the reads out of the changes and the keys", () => {
    for (const path of [
      "lib/keys/mutations.ts",
      "lib/keys/set-enabled.ts",
      "lib/keys/query-keys.ts",
      "lib/inventory/query-keys.ts",
    ])
      expect(source(path), path).not.toMatch(/\buseLeanQuery\b|\/queries"/);
    expect(source("components/key-page/primary-key-actions.tsx")).not.toMatch(
      /lib\/keys\/(queries|mutations)"/,
    );
  });
});
