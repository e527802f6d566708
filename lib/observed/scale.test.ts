// A workspace of 10,000 keys (200 service accounts x 50): the baseline is batched, a read with
// nothing changed is one select and no writes. Timings are printed for the record; the bounds are
// loose on purpose (they catch a query per key, not a slow machine).
import { describe, expect, it } from "vitest";
import { testDatabases } from "@/lib/audit/testing";
import { keySnapshot } from "@/lib/db/schema";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { observeInventory } from "./observe";
import { auditCount, fakeWorkspace, observedRows, withKey } from "./testing";

const open = testDatabases();

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

describe.each(DATABASE_KINDS)("10,000 keys on %s", (kind) => {
  it("takes the baseline in batches and answers an unchanged read without writing", { timeout: 120_000 }, async () => {
    const { db } = await open(kind);
    const workspace = fakeWorkspace(200, 50);

    const [origins, baselineMs] = await timed(() => observeInventory(db, workspace));
    expect(origins.size).toBe(10_000);
    expect((await db.select({ id: keySnapshot.keyId }).from(keySnapshot)).length).toBe(10_000);
    expect(await auditCount(db)).toBe(1); // the summary row only

    const unchanged: number[] = [];
    for (let i = 0; i < 5; i++) unchanged.push((await timed(() => observeInventory(db, workspace)))[1]);
    expect(await auditCount(db)).toBe(1);

    const oneChanged = withKey(workspace, "sa-150-k7", (k) => ({ ...k, enabled: false }));
    const [, oneChangeMs] = await timed(() => observeInventory(db, oneChanged));
    expect((await observedRows(db)).map((r) => r.keyId)).toEqual(["sa-150-k7"]);

    const [, scopedMs] = await timed(() => observeInventory(db, [workspace[3]!], { serviceAccountIds: ["sa-3"] }));
    console.log(`[observed ${kind}] baseline of 10,000 keys: ${baselineMs} ms; unchanged read: ${unchanged.join(", ")} ms; one change: ${oneChangeMs} ms; one account (50 keys): ${scopedMs} ms`);
    expect(baselineMs).toBeLessThan(60_000);
    expect(Math.min(...unchanged)).toBeLessThan(2_000);
  });
});
