// A workspace of 10,000 keys (200 service accounts x 50): the baseline is recorded whole, a read
// with nothing changed writes nothing, one change is one row. (Timings: tests/bench/observe-inventory.ts.)
import { describe, expect, it } from "vitest";
import { testDatabases } from "@/tests/support/audit-log";
import { keySnapshot } from "@/lib/db/schema";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { observeInventory } from "./observe";
import { auditCount, fakeWorkspace, observedRows, withKey } from "@/tests/support/fake-workspace";

const open = testDatabases();

describe.each(DATABASE_KINDS)("10,000 keys on %s", (kind) => {
  it(
    "takes the baseline in batches and answers an unchanged read without writing",
    { timeout: 120_000 },
    async () => {
      const { db } = await open(kind);
      const workspace = fakeWorkspace(200, 50);

      const origins = await observeInventory(db, workspace);
      expect(origins.size).toBe(10_000);
      expect((await db.select({ id: keySnapshot.keyId }).from(keySnapshot)).length).toBe(10_000);
      expect(await auditCount(db)).toBe(1); // the summary row only

      for (let i = 0; i < 2; i++) await observeInventory(db, workspace);
      expect(await auditCount(db)).toBe(1);

      const oneChanged = withKey(workspace, "sa-150-k7", (k) => ({ ...k, enabled: false }));
      await observeInventory(db, oneChanged);
      expect((await observedRows(db)).map((r) => r.keyId)).toEqual(["sa-150-k7"]);

      await observeInventory(db, [workspace[3]!], { serviceAccountIds: ["sa-3"] });
      expect((await observedRows(db)).map((r) => r.keyId)).toEqual(["sa-150-k7"]);
    },
  );
});
