// The shared read over the real emulator (HTTP) and a real PGlite: upstream reads are counted in the
// emulator's request log. "Outside" writes go through a second upstream client (its own door, no
// Keydesk records), as someone using ElevenLabs directly would; "another Keydesk" is a second client
// with lib/keys over the same database.
import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import { createUpstream, type Upstream } from "@/lib/elevenlabs/client";
import { changeKey, createKey, createServiceAccount } from "@/lib/keys";
import { findKey } from "@/lib/find-key/search";
import { KEY_SEARCH_ACTION } from "@/lib/find-key/audit";
import { ADMIN_KEY, ctxAs, inject, keyTestbed, type Testbed } from "@/tests/support/key-testbed";
import { observedRows } from "@/tests/support/fake-workspace";
import { startRotation } from "@/lib/keys/pairing";
import { readInventory } from "./read";
import { readSharedAccounts } from "./shared-read";

const bed = keyTestbed();
// The testbed empties the emulator between tests: one read records the last test's keys as gone,
// so each test starts from a snapshot that agrees with the upstream (and keeps no read: age 0).
beforeEach(async () => {
  await readInventory(bed.deps, { maxAgeMs: 0 });
  bed.emulator.log.clear();
});
/** Long enough never to run out within a test unless told (the age is covered by recent-read.test.ts). */
const LONG = 60_000;

const inventoryReads = (b: Testbed) =>
  b.emulator.log.list().filter((r) => r.method === "GET" && r.path === "/v1/service-accounts").length;

/** A client of the same emulator that is not this Keydesk's (its writes pass no door of ours). */
const elsewhere = (b: Testbed): Upstream =>
  createUpstream({ baseUrl: b.emulator.url, apiKey: ADMIN_KEY, timeoutMs: 2_000 });

const keyNames = (inventory: { keys: { name: string }[] }) => inventory.keys.map((k) => k.name).sort();

describe("the shared read of every key", () => {
  it("ten readers at once and the readers of the next seconds share one upstream read", async () => {
    await createKey(bed.deps, ctxAs(), bed.serviceAccountId, { name: "one", permissions: "all" });
    bed.emulator.log.clear();
    const all = await Promise.all(
      Array.from({ length: 10 }, () => readInventory(bed.deps, { maxAgeMs: LONG })),
    );
    expect(inventoryReads(bed)).toBe(1);
    expect(new Set(all.map((i) => i.generatedAt)).size).toBe(1);
    const later = await readSharedAccounts(bed.deps, { maxAgeMs: LONG });
    expect(later.reused).toBe(true);
    expect(later.generatedAt).toBe(all[0]!.generatedAt);
    expect(inventoryReads(bed)).toBe(1);
  });

  it("reads the rotations per request: a rotation recorded during the reuse shows at once", async () => {
    const [a, b] = await Promise.all(
      ["old", "new"].map((name) =>
        createKey(bed.deps, ctxAs(), bed.serviceAccountId, { name, permissions: "all" }),
      ),
    );
    const before = await readInventory(bed.deps, { maxAgeMs: LONG });
    expect(before.keys.map((k) => k.rotation)).toEqual([null, null]);
    expect(await readInventory(bed.deps, { maxAgeMs: LONG })).toBe(before); // the same answer, not rebuilt
    await startRotation(bed.deps.db, {
      serviceAccountId: bed.serviceAccountId,
      oldKeyId: a!.key.id,
      newKeyId: b!.key.id,
      startedBy: "user-admin",
    });
    bed.emulator.log.clear();
    const after = await readSharedAccounts(bed.deps, { maxAgeMs: LONG });
    expect(after.reused).toBe(true);
    const inventory = await readInventory(bed.deps, { maxAgeMs: LONG });
    expect(inventory.generatedAt).toBe(before.generatedAt);
    expect(Object.fromEntries(inventory.keys.map((k) => [k.name, k.rotation?.role]))).toEqual({
      old: "old",
      new: "new",
    });
    expect(inventoryReads(bed)).toBe(0);
  });

  it("change, then read back: a write through Keydesk ends the reuse at once", async () => {
    await readInventory(bed.deps, { maxAgeMs: LONG });
    const { key } = await createKey(bed.deps, ctxAs(), bed.serviceAccountId, {
      name: "made here",
      permissions: "all",
    });
    bed.emulator.log.clear();
    expect(keyNames(await readInventory(bed.deps, { maxAgeMs: LONG }))).toEqual(["made here"]);
    expect(inventoryReads(bed)).toBe(1);

    await changeKey(bed.deps, ctxAs(), bed.serviceAccountId, key.id, {
      name: "renamed here",
      expected: { name: "made here" },
    });
    const after = await readInventory(bed.deps, { maxAgeMs: LONG });
    expect(keyNames(after)).toEqual(["renamed here"]);
    expect(after.keys[0]!.origin).toBe("keydesk");

    // A write that moves no snapshot row (a new service account) ends it too: the door alone.
    await createServiceAccount(bed.deps, ctxAs(), "made here too");
    const accounts = (await readInventory(bed.deps, { maxAgeMs: LONG })).serviceAccounts.map((a) => a.name);
    expect(accounts.sort()).toEqual(["Keys tests", "made here too"]);
  });

  it("a write by another Keydesk on the same database ends the reuse (the snapshot's change counter)", async () => {
    const other = { upstream: elsewhere(bed), db: bed.deps.db };
    await readInventory(bed.deps, { maxAgeMs: LONG }); // the baseline
    expect(await readSharedAccounts(bed.deps, { maxAgeMs: LONG })).toMatchObject({ reused: true });
    await createKey(other, ctxAs(), bed.serviceAccountId, { name: "made by the other", permissions: "all" });
    const after = await readSharedAccounts(bed.deps, { maxAgeMs: LONG });
    expect(after.reused).toBe(false);
    expect(after.serviceAccounts[0]!.keys.map((k) => [k.name, k.origin])).toEqual([
      ["made by the other", "keydesk"],
    ]);
    // Nobody reported Keydesk's own key as an outside change.
    const observed = await observedRows(bed.deps.db);
    expect(observed.filter((r) => r.serviceAccountId === bed.serviceAccountId)).toEqual([]);
  });

  it("?fresh reads again; an upstream failure is never kept", async () => {
    await readInventory(bed.deps, { maxAgeMs: LONG });
    bed.emulator.log.clear();
    const fresh = await readSharedAccounts(bed.deps, { maxAgeMs: LONG, fresh: true });
    expect(fresh.reused).toBe(false);
    expect(inventoryReads(bed)).toBe(1);

    inject(bed, "GET", "/v1/service-accounts", { kind: "status", status: 500 }, 2);
    await expect(readInventory(bed.deps, { maxAgeMs: LONG, fresh: true })).rejects.toMatchObject({
      kind: expect.any(String),
    });
    const next = await readSharedAccounts(bed.deps, { maxAgeMs: LONG });
    expect(next.reused).toBe(false);
    expect(inventoryReads(bed)).toBe(4); // 1, then the failure and its retry, then a new read
  });
});

describe("outside changes seen through the shared read", () => {
  /** What the observed-change rows say, without ids and times. */
  const observedChanges = async (b: Testbed) =>
    (await observedRows(b.deps.db))
      .filter((r) => r.serviceAccountId === b.serviceAccountId)
      .map((r) => ({ target: r.keyId, changes: r.changes }));

  it("records an outside change exactly once, as a read made without reuse would", async () => {
    const outside = elsewhere(bed);
    await readInventory(bed.deps, { maxAgeMs: LONG }); // the baseline
    const { keyId } = await outside.createKey(bed.serviceAccountId, {
      name: "made outside",
      permissions: ["text_to_speech"],
    });

    // Within the reuse: the kept read does not show it, and nothing is recorded, however often it is read.
    for (let i = 0; i < 3; i++)
      expect(keyNames(await readInventory(bed.deps, { maxAgeMs: LONG }))).toEqual([]);
    expect(await observedChanges(bed)).toEqual([]);

    // The next read that goes upstream records it, once; reused reads after it record nothing more.
    const fresh = await readInventory(bed.deps, { maxAgeMs: LONG, fresh: true });
    expect(fresh.keys.map((k) => [k.name, k.origin])).toEqual([["made outside", "outside"]]);
    for (let i = 0; i < 3; i++) await readInventory(bed.deps, { maxAgeMs: LONG });
    await readInventory(bed.deps, { maxAgeMs: LONG, fresh: true });
    const rows = await observedChanges(bed);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.target).toBe(keyId);

    // The same story with no reuse at all (every read goes upstream) records the same row.
    const again = await outside.createKey(bed.serviceAccountId, {
      name: "made outside",
      permissions: ["text_to_speech"],
    });
    for (let i = 0; i < 3; i++) await readInventory(bed.deps, { maxAgeMs: 0 });
    const plain = (await observedChanges(bed)).slice(1);
    expect(plain).toHaveLength(1);
    expect(plain[0]!.target).toBe(again.keyId);
    expect(plain[0]!.changes).toEqual(rows[0]!.changes);
  });
});

describe("Find a key over the shared read", () => {
  it("finds a key created moments ago elsewhere: a reused read that finds nothing is searched again fresh", async () => {
    const outside = elsewhere(bed);
    await readInventory(bed.deps, { maxAgeMs: LONG });
    const { secret, keyId } = await outside.createKey(bed.serviceAccountId, {
      name: "just made",
      permissions: ["text_to_speech"],
    });
    bed.emulator.log.clear();
    const ctx = ctxAs("reviewer");
    const result = await findKey(bed.deps, ctx, secret);
    expect(result.total).toBe(1);
    expect(result.candidates[0]!.key.id).toBe(keyId);
    expect(result.candidates[0]!.certainty).toBe("exact");
    expect(inventoryReads(bed)).toBe(1); // the retry's fresh read
    // One audit row for the one search, with what the fresh read found.
    const searches = await bed.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, ctx.info.requestId));
    expect(searches.map((r) => [r.action, r.changes])).toEqual([
      [
        KEY_SEARCH_ACTION,
        {
          search: {
            before: null,
            after: { kind: "secret", hint: secret.slice(-4), candidates: 1, exact: 1 },
          },
        },
      ],
    ]);
    expect(JSON.stringify(searches)).not.toContain(secret);
  });

  it("a search that finds something in a reused read does not read again; each person's search is audited", async () => {
    const { secret } = await createKey(bed.deps, ctxAs(), bed.serviceAccountId, {
      name: "found",
      permissions: "all",
    });
    await readInventory(bed.deps, { maxAgeMs: LONG });
    bed.emulator.log.clear();
    const [a, b] = [ctxAs("support"), ctxAs("reviewer")];
    const [ra, rb] = await Promise.all([findKey(bed.deps, a, secret), findKey(bed.deps, b, secret)]);
    expect([ra.total, rb.total]).toEqual([1, 1]);
    expect(inventoryReads(bed)).toBe(0);
    for (const ctx of [a, b]) {
      const rows = await bed.deps.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.requestId, ctx.info.requestId));
      expect(rows.map((r) => [r.action, r.actorRole])).toEqual([[KEY_SEARCH_ACTION, ctx.actor.role]]);
    }
  });

  it("says not found only after a read that began after the search was asked", async () => {
    await readInventory(bed.deps, { maxAgeMs: LONG });
    bed.emulator.log.clear();
    const result = await findKey(bed.deps, ctxAs(), "no such key anywhere");
    expect(result.total).toBe(0);
    expect(inventoryReads(bed)).toBe(1);
    expect(Date.parse(result.generatedAt)).toBeGreaterThan(0);
  });
});
