import { afterEach, describe, expect, it, vi } from "vitest";
import { beginAttempt, completeAttempt } from "@/lib/audit";
import { testDatabases } from "@/tests/support/audit-log";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { Db } from "@/lib/db/database";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { GUARD_WINDOW_MS } from "./guard";
import { observeInventory } from "./observe";
import { recordOwnChange } from "./own-change";
import {
  auditCount,
  baselineRows,
  fakeKey,
  fakeWorkspace,
  observedRows,
  snapshotOf,
  withKey,
} from "@/tests/support/fake-workspace";

const open = testDatabases();
afterEach(() => void vi.useRealTimers());

describe.each(DATABASE_KINDS)("observeInventory on %s", (kind) => {
  async function baselined(accounts = fakeWorkspace(3, 4)): Promise<Db> {
    const { db } = await open(kind);
    await observeInventory(db, accounts);
    return db;
  }

  it("takes the first read as the baseline: every key 'baseline', one summary row, no row per key", async () => {
    const { db } = await open(kind);
    const origins = await observeInventory(db, fakeWorkspace(3, 4));
    expect(origins.size).toBe(12);
    expect(new Set(origins.values())).toEqual(new Set(["baseline"]));
    expect(await observedRows(db)).toEqual([]);
    const summary = await baselineRows(db);
    expect(summary.map((r) => [r.serviceAccountId, r.actorUserId, r.outcome, r.changes])).toEqual([
      [null, null, "ok", { keysRecorded: { before: null, after: 12 } }],
    ]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("writes nothing when nothing changed", async () => {
    const accounts = fakeWorkspace(3, 4);
    const db = await baselined(accounts);
    const before = { rows: await auditCount(db), snapshot: await snapshotOf(db, ["sa-0-k0"]) };
    expect(new Set((await observeInventory(db, accounts)).values())).toEqual(new Set(["baseline"]));
    expect(await auditCount(db)).toBe(before.rows);
    expect(await snapshotOf(db, ["sa-0-k0"])).toEqual(before.snapshot);
  });

  it("records a key created, one changed and one deleted outside, once each, with before and after", async () => {
    const accounts = fakeWorkspace(2, 3);
    const db = await baselined(accounts);
    let next = withKey(accounts, "sa-0-k1", (k) => ({
      ...k,
      enabled: false,
      allowedIps: null,
      characterLimit: 1001,
    })); // the limit as it was
    next = withKey(next, "sa-1-k2", () => null);
    next = next.map((a) =>
      a.id === "sa-1"
        ? {
            ...a,
            keys: [
              ...a.keys,
              fakeKey("new-1", "sa-1", { name: "made-in-settings", permissions: "all", allowedIps: null }),
            ],
          }
        : a,
    );

    const origins = await observeInventory(db, next);
    expect(origins.get("new-1")).toBe("outside");
    expect(origins.get("sa-0-k1")).toBe("baseline");
    expect(origins.has("sa-1-k2")).toBe(false);

    const rows = await observedRows(db);
    expect(
      rows.map((r) => [r.keyId, r.serviceAccountId, r.targetName, r.actorUserId, r.actorEmail, r.outcome]),
    ).toEqual([
      ["sa-0-k1", "sa-0", "key-1", null, null, "ok"],
      ["new-1", "sa-1", "made-in-settings", null, null, "ok"],
      ["sa-1-k2", "sa-1", "key-2", null, null, "ok"],
    ]);
    expect(rows[0]!.changes).toEqual({
      enabled: { before: true, after: false },
      allowedIps: { before: ["10.0.0.0/24"], after: null },
    });
    expect(rows[1]!.changes).toEqual({
      presence: { before: "absent", after: "present" },
      name: { before: null, after: "made-in-settings" },
      enabled: { before: null, after: true },
      permissions: { before: null, after: "all" },
      characterLimit: { before: null, after: 1000 },
      allowedIps: { before: null, after: null },
    });
    expect(rows[2]!.changes).toMatchObject({
      presence: { before: "present", after: "absent" },
      name: { before: "key-2", after: null },
      characterLimit: { before: 1002, after: null },
    });

    // The same read again, and a later one without the deleted key: nothing more.
    await observeInventory(db, next);
    await observeInventory(db, next);
    expect(await observedRows(db)).toHaveLength(3);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("does not take keys of other service accounts for deleted on a scoped read", async () => {
    const accounts = fakeWorkspace(3, 2);
    const db = await baselined(accounts);
    const sa1 = accounts.find((a) => a.id === "sa-1")!;
    const origins = await observeInventory(db, [sa1], { serviceAccountIds: ["sa-1"] });
    expect([...origins.keys()]).toEqual(["sa-1-k0", "sa-1-k1"]);
    const fewer = { ...sa1, keys: sa1.keys.slice(1) };
    await observeInventory(db, [fewer], { serviceAccountIds: ["sa-1"] });
    expect(
      (await observedRows(db)).map((r) => [r.keyId, (r.changes as Record<string, unknown>).presence]),
    ).toEqual([["sa-1-k0", { before: "present", after: "absent" }]]);
  });

  it("begins observing one service account when its page is read first, and the rest with the first whole read", async () => {
    const { db } = await open(kind);
    const accounts = fakeWorkspace(2, 2);
    await observeInventory(db, [accounts[0]!], { serviceAccountIds: ["sa-0"] });
    expect((await baselineRows(db)).map((r) => [r.serviceAccountId, r.changes])).toEqual([
      ["sa-0", { keysRecorded: { before: null, after: 2 } }],
    ]);

    const grown = accounts.map((a) => ({ ...a, keys: [...a.keys, fakeKey(`${a.id}-late`, a.id)] }));
    const origins = await observeInventory(db, grown);
    expect(origins.get("sa-0-late")).toBe("outside"); // sa-0 was already observed
    expect(origins.get("sa-1-late")).toBe("baseline"); // sa-1 was not
    expect((await observedRows(db)).map((r) => r.keyId)).toEqual(["sa-0-late"]);
    expect((await baselineRows(db)).map((r) => r.serviceAccountId)).toEqual(["sa-0", null]);
  });

  it("records Keydesk's own changes as Keydesk's, and still notices an outside change to another field", async () => {
    const accounts = fakeWorkspace(1, 2);
    const db = await baselined(accounts);
    await recordOwnChange(db, {
      kind: "created",
      serviceAccountId: "sa-0",
      keyId: "mine",
      input: { name: "mine", permissions: ["voices_read"], allowedIps: ["192.0.2.1"] },
    });
    await recordOwnChange(db, { kind: "updated", keyId: "sa-0-k0", changes: { characterLimit: 5 } });
    const ours = withKey(accounts, "sa-0-k0", (k) => ({ ...k, characterLimit: 5 })).map((a) => ({
      ...a,
      keys: [
        ...a.keys,
        fakeKey("mine", "sa-0", {
          name: "mine",
          permissions: ["voices_read"],
          characterLimit: null,
          allowedIps: ["192.0.2.1/32"],
        }),
      ],
    }));
    expect((await observeInventory(db, ours)).get("mine")).toBe("keydesk");
    expect(await observedRows(db)).toEqual([]);

    const theirs = withKey(ours, "sa-0-k0", (k) => ({ ...k, enabled: false }));
    await observeInventory(db, theirs);
    expect((await observedRows(db)).map((r) => [r.keyId, r.changes])).toEqual([
      ["sa-0-k0", { enabled: { before: true, after: false } }],
    ]);
  });

  it("leaves alone a key Keydesk is changing right now, and reports it once that attempt is stale", async () => {
    const accounts = fakeWorkspace(1, 2);
    const db = await baselined(accounts);
    const attempt = await beginAttempt(db, {
      action: "key_disabled",
      target: { serviceAccountId: "sa-0", keyId: "sa-0-k0" },
    });
    await beginAttempt(db, { action: "key_created", target: { serviceAccountId: "sa-0", name: "coming" } });
    const midway = withKey(accounts, "sa-0-k0", (k) => ({ ...k, enabled: false })).map((a) => ({
      ...a,
      keys: [...a.keys, fakeKey("coming", "sa-0")],
    }));
    const origins = await observeInventory(db, midway);
    expect(await observedRows(db)).toEqual([]);
    expect(origins.has("coming")).toBe(false);
    expect(origins.get("sa-0-k0")).toBe("baseline");
    expect((await snapshotOf(db, ["sa-0-k0"]))[0]!.state).toMatchObject({ enabled: true });

    await completeAttempt(db, attempt.id, { outcome: "ok" });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + GUARD_WINDOW_MS + 60_000);
    await observeInventory(db, midway);
    // The disable's attempt completed without Keydesk recording it (as if that write failed), and
    // the create's attempt is now too old to wait for: both reported.
    expect((await observedRows(db)).map((r) => r.keyId)).toEqual(["sa-0-k0", "coming"]);
  });

  it("does not let a read that began before a newer record undo it", async () => {
    const accounts = fakeWorkspace(1, 1);
    const db = await baselined(accounts);
    const slowReadStarted = Date.now() - 1;
    await new Promise((r) => setTimeout(r, 5));
    await recordOwnChange(db, { kind: "updated", keyId: "sa-0-k0", changes: { name: "renamed" } });
    await recordOwnChange(db, {
      kind: "created",
      serviceAccountId: "sa-0",
      keyId: "fresh",
      input: { name: "fresh", permissions: "all" },
    });
    // The slow read still lists the old name and not the new key.
    await observeInventory(db, accounts, undefined, { readStartedAt: slowReadStarted });
    expect(await observedRows(db)).toEqual([]);
    expect((await snapshotOf(db, ["sa-0-k0", "fresh"])).map((r) => [r.name, r.deletedAt])).toEqual(
      expect.arrayContaining([
        ["renamed", null],
        ["fresh", null],
      ]),
    );
  });

  it("writes one row when two observations see the same change at once", async () => {
    const accounts = fakeWorkspace(2, 5);
    const db = await baselined(accounts);
    const changed = withKey(accounts, "sa-1-k3", (k) => ({ ...k, permissions: "all" }));
    await Promise.all([
      observeInventory(db, changed),
      observeInventory(db, changed),
      observeInventory(db, changed, { serviceAccountIds: ["sa-1"] }),
    ]);
    expect((await observedRows(db)).map((r) => r.keyId)).toEqual(["sa-1-k3"]);
  });

  it("keeps a secret out of the snapshot and the rows, even one pasted into a key's name", async () => {
    const accounts = fakeWorkspace(1, 1);
    const db = await baselined(accounts);
    const secret = `sk_${"0123456789abcdef".repeat(3)}`;
    await observeInventory(
      db,
      withKey(accounts, "sa-0-k0", (k) => ({ ...k, name: `leaked ${secret}` })),
    );
    const [row] = await observedRows(db);
    expect(row!.changes).toEqual({ name: { before: "key-0", after: "leaked sk_[redacted]" } });
    const stored = JSON.stringify({
      rows: await observedRows(db),
      snapshot: await snapshotOf(db, ["sa-0-k0"]),
    });
    expect(stored).not.toMatch(/sk_[0-9a-f]{8}/);
  });
});
