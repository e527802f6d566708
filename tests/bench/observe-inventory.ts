// What watching for outside changes costs on a 10,000-key workspace (200 x 50), on PGlite: the
// first baseline, a read with nothing changed, a read with one change, one account's read.
// Prints; asserts nothing.   npx tsx --conditions=react-server tests/bench/observe-inventory.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/lib/db/database";
import { observeInventory } from "@/lib/observed/observe";
import { fakeWorkspace, withKey } from "@/tests/support/fake-workspace";

const dir = mkdtempSync(join(tmpdir(), "keydesk-observe-"));
const { db, close } = await openDatabase({ kind: "pglite", dataDir: dir });
const time = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};
const workspace = fakeWorkspace(200, 50);
console.log(
  `baseline, 10,000 keys      ${(await time(() => observeInventory(db, workspace))).toFixed(0).padStart(6)} ms`,
);
const unchanged: number[] = [];
for (let i = 0; i < 7; i++) unchanged.push(await time(() => observeInventory(db, workspace)));
unchanged.sort((a, b) => a - b);
console.log(
  `unchanged read (median/7)  ${unchanged[3]!.toFixed(0).padStart(6)} ms   best ${unchanged[0]!.toFixed(0)} ms`,
);
const changed = withKey(workspace, "sa-150-k7", (k) => ({ ...k, enabled: false }));
console.log(
  `one key changed            ${(await time(() => observeInventory(db, changed))).toFixed(0).padStart(6)} ms`,
);
console.log(
  `one account (50 keys)      ${(await time(() => observeInventory(db, [changed[3]!], { serviceAccountIds: ["sa-3"] }))).toFixed(0).padStart(6)} ms`,
);
await close();
rmSync(dir, { recursive: true, force: true });
