// Two Keydesk processes on one PostgreSQL server (two connection pools on one database), both
// reading the same outside change at the same moment: it is recorded once.
import { afterAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { openDatabase, type Database } from "@/lib/db/database";
import { createPostgresDatabase, postgresUrl, POSTGRES_MISSING } from "@/tests/support/databases";
import { observeInventory } from "./observe";
import { fakeKey, fakeWorkspace, observedRows, withKey } from "@/tests/support/fake-workspace";

const opened: Database[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

it("runs against PostgreSQL, or says plainly why not", () => {
  if (!postgresUrl) console.warn(POSTGRES_MISSING);
  expect(true).toBe(true);
});

describe.skipIf(!postgresUrl)("two processes on one PostgreSQL", () => {
  it(
    "record each outside change once, however their observations interleave",
    { timeout: 60_000 },
    async () => {
      const url = await createPostgresDatabase();
      const [a, b] = [
        await openDatabase({ kind: "postgres", url }),
        await openDatabase({ kind: "postgres", url }),
      ];
      opened.push(a, b);
      const workspace = fakeWorkspace(20, 10);
      await Promise.all([observeInventory(a.db, workspace), observeInventory(b.db, workspace)]); // both may try to take the baseline

      let current = workspace;
      const expected: string[] = [];
      for (let round = 0; round < 5; round++) {
        current = withKey(current, `sa-${round}-k${round}`, (k) => ({ ...k, characterLimit: 50 + round }));
        current = current.map((acc) =>
          acc.id === `sa-${round + 5}`
            ? { ...acc, keys: [...acc.keys, fakeKey(`new-${round}`, acc.id)] }
            : acc,
        );
        expected.push(`sa-${round}-k${round}`, `new-${round}`);
        const snapshot = current;
        await Promise.all([
          observeInventory(a.db, snapshot),
          observeInventory(b.db, snapshot),
          observeInventory(a.db, snapshot),
          observeInventory(b.db, snapshot),
        ]);
      }
      expect((await observedRows(a.db)).map((r) => r.keyId)).toEqual(expected);
      expect((await verifyAuditChain(a.db)).ok).toBe(true);
    },
  );
});
