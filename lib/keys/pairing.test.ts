// Which keys a read shows as paired by an open rotation: only while both keys are present, the most
// recent rotation first, and a key's role as old key before its role as new key.
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { testDatabases } from "@/tests/support/audit-log";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { fakeKey } from "@/tests/support/fake-workspace";
import type { Db } from "@/lib/db/database";
import type { ApiKey } from "@/lib/elevenlabs/types";
import { finishRotations, startRotation, withRotations } from "./pairing";

const open = testDatabases();
const keys = (...ids: string[]) => ids.map((id) => fakeKey(id, "sa-1"));
const roles = async (...args: Parameters<typeof withRotations>) =>
  Object.fromEntries(
    (await withRotations(...args)).map((k) => [
      k.id,
      k.rotation && [k.rotation.role, k.rotation.partnerKeyId],
    ]),
  );

describe.each(DATABASE_KINDS)("rotation pairing on %s", (kind) => {
  it("pairs both keys of an open rotation, and nothing once it is finished", async () => {
    const { db } = await open(kind);
    const started = await startRotation(db, {
      serviceAccountId: "sa-1",
      oldKeyId: "a",
      newKeyId: "b",
      startedBy: "u",
    });
    const [a] = await withRotations(db, keys("a", "b"));
    expect(a!.rotation).toEqual({
      role: "old",
      partnerKeyId: "b",
      startedAt: new Date(started.startedAt).toISOString(),
    });
    expect(await roles(db, keys("a", "b", "c"))).toEqual({ a: ["old", "b"], b: ["new", "a"], c: null });
    await finishRotations(db, "a", "u", "old");
    expect(await roles(db, keys("a", "b"))).toEqual({ a: null, b: null });
  });

  it("pairs nothing with a partner that is not in the read (deleted outside Keydesk)", async () => {
    const { db } = await open(kind);
    await startRotation(db, { serviceAccountId: "sa-1", oldKeyId: "a", newKeyId: "b", startedBy: "u" });
    expect(await roles(db, keys("a"))).toEqual({ a: null });
    expect(await roles(db, keys("b"))).toEqual({ b: null });
  });

  it("takes a key's most recent rotation whose partner is present, as old key before new", async () => {
    const { db } = await open(kind);
    await startRotation(db, { serviceAccountId: "sa-1", oldKeyId: "a", newKeyId: "b", startedBy: "u" });
    await startRotation(db, { serviceAccountId: "sa-1", oldKeyId: "b", newKeyId: "c", startedBy: "u" });
    await startRotation(db, { serviceAccountId: "sa-1", oldKeyId: "a", newKeyId: "d", startedBy: "u" });
    expect(await roles(db, keys("a", "b", "c", "d"))).toEqual({
      a: ["old", "d"],
      b: ["old", "c"],
      c: ["new", "b"],
      d: ["new", "a"],
    });
    // Without d, a's latest rotation with a partner present is the first one.
    expect(await roles(db, keys("a", "b", "c"))).toEqual({
      a: ["old", "b"],
      b: ["old", "c"],
      c: ["new", "b"],
    });
    // Without c, b is the new key of a's first rotation.
    expect(await roles(db, keys("a", "b"))).toEqual({ a: ["old", "b"], b: ["new", "a"] });
  });
});

describe.each(DATABASE_KINDS)("open rotations remembered on %s (list reads)", (kind) => {
  const roles = async (db: Db, keys: ApiKey[]) =>
    Object.fromEntries(
      (await withRotations(db, keys, { remembered: true })).map((k) => [
        k.id,
        k.rotation && [k.rotation.role, k.rotation.partnerKeyId],
      ]),
    );

  it("are read again only after the rotation table changed, by Keydesk or by hand", async () => {
    const { db } = await open(kind);
    await startRotation(db, { serviceAccountId: "sa-1", oldKeyId: "a", newKeyId: "b", startedBy: "u" });
    expect(await roles(db, keys("a", "b"))).toEqual({ a: ["old", "b"], b: ["new", "a"] });
    const selects = vi.spyOn(db, "select");
    expect(await roles(db, keys("a", "b"))).toEqual({ a: ["old", "b"], b: ["new", "a"] });
    expect(selects).toHaveBeenCalledTimes(1); // the change counters only
    await db.execute(sql`update "key_rotation" set "finished_at" = now()`); // an operator's fix
    expect(await roles(db, keys("a", "b"))).toEqual({ a: null, b: null });
    expect(selects).toHaveBeenCalledTimes(3);
    selects.mockRestore();
    await startRotation(db, { serviceAccountId: "sa-1", oldKeyId: "b", newKeyId: "c", startedBy: "u" });
    expect(await roles(db, keys("a", "b", "c"))).toEqual({ a: null, b: ["old", "c"], c: ["new", "b"] });
    await finishRotations(db, "b", "u", "old");
    expect(await roles(db, keys("a", "b", "c"))).toEqual({ a: null, b: null, c: null });
  });
});
