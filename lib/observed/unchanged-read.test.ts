// An unchanged re-read is answered from what the last full comparison found, without reading the
// snapshot's rows; anything that may have changed the snapshot (this process, another Keydesk on
// the same PostgreSQL, any other writer) sends the next read back to the full comparison.
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, type Database, type Db } from "@/lib/db/database";
import type { ApiKey, ServiceAccount } from "@/lib/elevenlabs/types";
import { createPostgresDatabase, DATABASE_KINDS, postgresUrl } from "@/tests/support/databases";
import { testDatabases } from "@/tests/support/audit-log";
import { fakeKey, fakeWorkspace, observedRows, withKey } from "@/tests/support/fake-workspace";
import { observeInventory } from "./observe";
import { recordOwnChange } from "./own-change";

const open = testDatabases();

/** Counts the queries that read the snapshot's key rows (the full comparison's scan), on either driver. */
function countSnapshotScans(db: Db): () => number {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const query = client.query;
  let scans = 0;
  client.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = typeof first === "string" ? first : (first?.text ?? "");
    if (/from "key_snapshot"(?!_)/.test(text)) scans++;
    return query.apply(this, args);
  };
  return () => scans;
}

/** A fresh read of the same workspace: new objects, the same values. */
const again = (accounts: ServiceAccount[]) => structuredClone(accounts);

describe.each(DATABASE_KINDS)("an unchanged re-read on %s", (kind) => {
  async function observed(accounts: ServiceAccount[]) {
    const { db } = await open(kind);
    const scans = countSnapshotScans(db);
    await observeInventory(db, accounts); // the baseline
    await observeInventory(db, again(accounts)); // a full comparison: found unchanged
    return { db, scans };
  }

  it("does not scan the snapshot, and answers the same origins", async () => {
    const accounts = fakeWorkspace(3, 4);
    const { db, scans } = await observed(accounts);
    const full = await observeInventory(db, again(accounts));
    const before = scans();
    for (let i = 0; i < 3; i++) expect(await observeInventory(db, again(accounts))).toEqual(full);
    expect(scans()).toBe(before);
    expect(full.size).toBe(12);
  });

  it("ignores what observation does not compare (usage, the hint), and nothing else", async () => {
    const accounts = fakeWorkspace(2, 3);
    const { db, scans } = await observed(accounts);
    const before = scans();
    const used = withKey(accounts, "sa-1-k2", (k) => ({ ...k, characterCount: 999, hint: "zz99" }));
    await observeInventory(db, used);
    expect(scans()).toBe(before);
    const changes: [string, (k: ApiKey) => ApiKey][] = [
      ["name", (k) => ({ ...k, name: "renamed" })],
      ["enabled", (k) => ({ ...k, enabled: false })],
      ["unknown permissions", (k) => ({ ...k, unknownPermissions: ["a_future_permission"] })],
      ["permissions", (k) => ({ ...k, permissions: "all" })],
      ["limit", (k) => ({ ...k, characterLimit: 7 })],
      ["allowlist", (k) => ({ ...k, allowedIps: ["10.9.9.9/32"] })],
    ];
    let current = accounts;
    for (const [, change] of changes) {
      current = withKey(current, "sa-0-k1", change);
      await observeInventory(db, current);
      await observeInventory(db, again(current)); // remembered again before the next change
    }
    expect((await observedRows(db)).map((r) => Object.keys(r.changes as object))).toEqual([
      ["name"],
      ["enabled"],
      ["permissions"],
      ["permissions"],
      ["characterLimit"],
      ["allowedIps"],
    ]);
  });

  it("notices a key created, one deleted and one moved, even with every other key the same", async () => {
    const accounts = fakeWorkspace(2, 3);
    const { db } = await observed(accounts);
    const added = accounts.map((a, i) => (i === 0 ? { ...a, keys: [...a.keys, fakeKey("new-1", a.id)] } : a));
    expect((await observeInventory(db, added)).get("new-1")).toBe("outside");
    await observeInventory(db, again(added));
    expect(
      (
        await observeInventory(
          db,
          withKey(added, "new-1", () => null),
        )
      ).has("new-1"),
    ).toBe(false);
    expect(
      (await observedRows(db)).map((r) => [r.keyId, (r.changes as { presence?: unknown }).presence]),
    ).toEqual([
      ["new-1", { before: "absent", after: "present" }],
      ["new-1", { before: "present", after: "absent" }],
    ]);
  });

  it("compares in full again after Keydesk's own change, so an outside undo of it is still noticed", async () => {
    const accounts = fakeWorkspace(2, 3);
    const { db, scans } = await observed(accounts);
    // Keydesk disabled the key; someone enabled it again in ElevenLabs before this read.
    await recordOwnChange(db, { kind: "updated", keyId: "sa-0-k0", changes: { enabled: false } });
    await new Promise((resolve) => setTimeout(resolve, 5)); // this read begins after that record
    const before = scans();
    await observeInventory(db, again(accounts));
    expect(scans()).toBeGreaterThan(before);
    expect((await observedRows(db)).map((r) => [r.keyId, r.changes])).toEqual([
      ["sa-0-k0", { enabled: { before: false, after: true } }],
    ]);
  });

  it("compares in full again after any other writer changed the snapshot", async () => {
    const accounts = fakeWorkspace(2, 3);
    const { db, scans } = await observed(accounts);
    // Not through Keydesk's code at all: a row removed by hand (or by an older Keydesk).
    await db.execute(sql`delete from key_snapshot where key_id = 'sa-1-k1'`);
    const before = scans();
    expect((await observeInventory(db, again(accounts))).get("sa-1-k1")).toBe("outside");
    expect(scans()).toBeGreaterThan(before);
    expect((await observedRows(db)).map((r) => r.keyId)).toEqual(["sa-1-k1"]);
  });

  it("remembers each scope on its own: one account's page, and the whole workspace", async () => {
    const accounts = fakeWorkspace(3, 4);
    const { db, scans } = await observed(accounts);
    const scope = { serviceAccountIds: ["sa-1"] };
    const whole = await observeInventory(db, again(accounts));
    const one = await observeInventory(db, [again(accounts)[1]!], scope); // first scoped read: full
    let before = scans();
    expect(await observeInventory(db, [again(accounts)[1]!], scope)).toEqual(one);
    expect(await observeInventory(db, again(accounts))).toEqual(whole);
    expect(scans()).toBe(before);
    expect([...one.keys()]).toEqual(["sa-1-k0", "sa-1-k1", "sa-1-k2", "sa-1-k3"]);

    // A change in another account sends both back to a full comparison, once.
    const changed = withKey(accounts, "sa-2-k0", (k) => ({ ...k, name: "renamed" }));
    await observeInventory(db, changed);
    before = scans();
    await observeInventory(db, [again(changed)[1]!], scope);
    await observeInventory(db, [again(changed)[1]!], scope);
    expect(scans()).toBe(before + 1);
    // A scoped read that lists a key the snapshot does not know is still noticed.
    const grown = { ...changed[1]!, keys: [...changed[1]!.keys, fakeKey("new-in-sa-1", "sa-1")] };
    expect((await observeInventory(db, [grown], scope)).get("new-in-sa-1")).toBe("outside");
  });
});

describe.skipIf(!postgresUrl)("two Keydesk processes on one PostgreSQL", () => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const d of opened) await d.close();
  });

  it("one's change to the snapshot sends the other's next read back to a full comparison", async () => {
    const url = await createPostgresDatabase();
    const [a, b] = [
      await openDatabase({ kind: "postgres", url }),
      await openDatabase({ kind: "postgres", url }),
    ];
    opened.push(a, b);
    const accounts = fakeWorkspace(2, 3);
    await observeInventory(a.db, accounts);
    await observeInventory(a.db, again(accounts)); // a remembers: unchanged
    const scans = countSnapshotScans(a.db);
    // b (another instance) records Keydesk's own change; the upstream still shows the old state,
    // as after someone undid it in ElevenLabs.
    await recordOwnChange(b.db, { kind: "updated", keyId: "sa-1-k2", changes: { characterLimit: 5 } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await observeInventory(a.db, again(accounts));
    expect(scans()).toBe(1);
    expect((await observedRows(a.db)).map((r) => [r.keyId, r.changes])).toEqual([
      ["sa-1-k2", { characterLimit: { before: 5, after: 1002 } }],
    ]);
  });
});
