// Text the upstream returns is kept exactly: a key named with a NUL or a lone UTF-16 surrogate
// (possible in ElevenLabs' own settings or API) must not stop observation, and must be compared and
// recorded as it is. PostgreSQL refuses both in text (22021) and in jsonb (22P05 / 22P02).
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger";
import { queryAudit } from "@/lib/audit/query";
import { testDatabases } from "@/tests/support/audit-log";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { ServiceAccount } from "@/lib/elevenlabs/types";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { observeInventory } from "./observe";
import { recordOwnChange } from "./own-change";
import { fakeKey, fakeWorkspace, observedRows, snapshotOf, withKey } from "@/tests/support/fake-workspace";

const open = testDatabases();
afterEach(() => void vi.restoreAllMocks());

const NUL_NAME = "a\u0000b";
const SURROGATE_NAME = "x\ud800y";
const LOOKS_ESCAPED = "~esc:not escaped";

/** 49 ordinary outside changes: 20 keys changed, 15 deleted, 14 created. */
function fortyNineChanges(accounts: ServiceAccount[]): ServiceAccount[] {
  let next = accounts;
  for (let i = 0; i < 20; i++)
    next = withKey(next, `sa-${i % 5}-k${Math.floor(i / 5)}`, (k) => ({ ...k, characterLimit: 5_000 + i }));
  for (let i = 0; i < 15; i++) next = withKey(next, `sa-${i % 5}-k${5 + Math.floor(i / 5)}`, () => null);
  return next.map((a, n) => ({
    ...a,
    keys: [
      ...a.keys,
      ...Array.from({ length: n < 4 ? 3 : 2 }, (_, m) =>
        fakeKey(`${a.id}-new${m}`, a.id, { name: `new ${m}` }),
      ),
    ],
  }));
}

function withOddKeys(accounts: ServiceAccount[]): ServiceAccount[] {
  return accounts.map((a) =>
    a.id === "sa-0"
      ? {
          ...a,
          keys: [
            ...a.keys,
            fakeKey("odd-nul", "sa-0", { name: NUL_NAME }),
            fakeKey("odd-surrogate", "sa-0", {
              name: SURROGATE_NAME,
              allowedIps: null,
              unknownPermissions: ["perm\u0000x", "\udc00"],
            }),
            fakeKey("odd-marker", "sa-0", { name: LOOKS_ESCAPED }),
          ],
        }
      : a,
  );
}

describe.each(DATABASE_KINDS)("odd text from the upstream on %s", (kind) => {
  it("records all 49 outside changes while keys named with a NUL or a lone surrogate exist, and records those too, exactly", async () => {
    const { db } = await open(kind);
    const accounts = fakeWorkspace(5, 10);
    await observeInventory(db, accounts);

    const next = withOddKeys(fortyNineChanges(accounts));
    await observeInventory(db, next);
    const rows = await observedRows(db);
    expect(rows).toHaveLength(49 + 3);

    // Read back for people: exactly the upstream's text.
    const page = await queryAudit(db, { action: "key_observed_change", limit: 100 });
    const byKey = new Map(page.entries.map((e) => [e.target.keyId, e]));
    expect(byKey.get("odd-nul")!.target.name).toBe(NUL_NAME);
    expect(byKey.get("odd-surrogate")!.target.name).toBe(SURROGATE_NAME);
    expect(byKey.get("odd-surrogate")!.changes!.permissions).toEqual({
      before: null,
      after: ["perm\u0000x", "text_to_speech", "\udc00"],
    });
    expect(byKey.get("odd-marker")!.target.name).toBe(LOOKS_ESCAPED);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // The same read again: nothing new (the stored state compares equal to the upstream's).
    await observeInventory(db, next);
    expect(await observedRows(db)).toHaveLength(52);
  });

  it("sees a name that changed only from a lone surrogate to U+FFFD, and back", async () => {
    const { db } = await open(kind);
    const accounts = withOddKeys(fakeWorkspace(1, 2));
    await observeInventory(db, accounts);
    const replaced = withKey(accounts, "odd-surrogate", (k) => ({ ...k, name: "x\ufffdy" }));
    await observeInventory(db, replaced);
    await observeInventory(db, accounts);
    const page = await queryAudit(db, { action: "key_observed_change" });
    expect(page.entries.map((e) => e.changes!.name).reverse()).toEqual([
      { before: SURROGATE_NAME, after: "x\ufffdy" },
      { before: "x\ufffdy", after: SURROGATE_NAME },
    ]);
    const [entry] = await snapshotOf(db, ["odd-nul"]);
    expect(entry).toBeDefined();
  });

  it("keeps Keydesk's own change to an odd name as Keydesk's", async () => {
    const { db } = await open(kind);
    const accounts = fakeWorkspace(1, 1);
    await observeInventory(db, accounts);
    await recordOwnChange(db, {
      kind: "created",
      serviceAccountId: "sa-0",
      keyId: "mine",
      input: { name: NUL_NAME, permissions: "all" },
    });
    await recordOwnChange(db, { kind: "updated", keyId: "sa-0-k0", changes: { name: SURROGATE_NAME } });
    const after = withKey(accounts, "sa-0-k0", (k) => ({ ...k, name: SURROGATE_NAME })).map((a) => ({
      ...a,
      keys: [
        ...a.keys,
        fakeKey("mine", "sa-0", {
          name: NUL_NAME,
          permissions: "all",
          characterLimit: null,
          allowedIps: null,
        }),
      ],
    }));
    expect((await observeInventory(db, after)).get("mine")).toBe("keydesk");
    expect(await observedRows(db)).toEqual([]);
  });

  it("records the other changes when one key's row cannot be stored, and says so", async () => {
    const { db } = await open(kind);
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const accounts = fakeWorkspace(5, 10);
    await observeInventory(db, accounts);
    // A secret-shaped permission name: the secret guard refuses to store it anywhere.
    const secretish = `sk_${"ab".repeat(24)}`;
    const next = withKey(fortyNineChanges(accounts), "sa-4-k9", (k) => ({
      ...k,
      unknownPermissions: [secretish],
    }));
    const origins = await observeInventory(db, next);
    const rows = await observedRows(db);
    expect(rows).toHaveLength(49);
    expect(rows.map((r) => r.keyId)).not.toContain("sa-4-k9");
    expect(origins.get("sa-4-k9")).toBe("baseline"); // what was known of it still holds
    expect(warn.mock.calls.flat().join("\n")).toMatch(/could not record one key/);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(secretish);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
