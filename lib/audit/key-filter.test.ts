// One key's own history, as its page reads it: the rows naming the key on its connection, the
// create whose completion named it, and the rotation that made it; never another connection's key
// with the same id. The `target` filter finds the create too.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/database";
import { entry, testDatabases } from "@/tests/support/audit-log";
import { beginAttempt, completeAttempt } from "./attempt";
import { queryAudit } from "./query";
import { seedAudit } from "./seed";

const open = testDatabases();
const actor = { userId: "u1", email: "ada@example.com", role: "admin" };

describe("a key's history", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await open("pglite"));
    // A create: the attempt cannot name the key; its completion does.
    const create = await beginAttempt(db, {
      action: "key_created",
      actor,
      target: { connectionId: "conn_a", name: "made here" },
    });
    await completeAttempt(db, create.id, { outcome: "ok" }, { createdKeyId: "k1" });
    await seedAudit(db, [
      entry(1, { action: "key_updated", target: { connectionId: "conn_a", keyId: "k1", name: "changed" } }),
      // The same id on another connection, and an older row with no connection.
      entry(2, { action: "key_updated", target: { connectionId: "conn_b", keyId: "k1", name: "elsewhere" } }),
      entry(3, {
        action: "key_updated",
        target: { connectionId: null, keyId: "k1", name: "before connections" },
      }),
      entry(4, {
        action: "key_updated",
        target: { connectionId: "conn_a", keyId: "k9", name: "another key" },
      }),
    ]);
    // A rotation of k1: its completion names k1, with the new key k2 in its changes.
    const rotate = await beginAttempt(db, {
      action: "key_rotated",
      actor,
      target: { connectionId: "conn_a", keyId: "k1", name: "rotated" },
    });
    await completeAttempt(db, rotate.id, { outcome: "ok" }, { createdKeyId: "k2" });
  }, 60_000);

  const names = async (options: Parameters<typeof queryAudit>[1]) =>
    (await queryAudit(db, options)).entries.map((e) => e.target.name);

  it("lists the key's rows on its connection, its create included, newest first", async () => {
    expect(await names({ key: { id: "k1", connections: ["conn_a"] } })).toEqual([
      "rotated",
      "changed",
      "made here",
    ]);
    const [, , created] = (await queryAudit(db, { key: { id: "k1", connections: ["conn_a"] } })).entries;
    expect(created).toMatchObject({ action: "key_created", outcome: "ok", target: { keyId: "k1" } });
  });

  it("takes rows from before connections only when asked", async () => {
    expect(await names({ key: { id: "k1", connections: ["conn_a", null] } })).toContain("before connections");
    expect(await names({ key: { id: "k1", connections: ["conn_b"] } })).toEqual(["elsewhere"]);
    expect(await names({ key: { id: "k1", connections: [] } })).toEqual([]);
  });

  it("shows the new key of a rotation where it was made", async () => {
    expect(await names({ key: { id: "k2", connections: ["conn_a"] } })).toEqual(["rotated"]);
  });

  it("lets the target filter find the create too", async () => {
    expect(await names({ target: "k1", connection: "conn_a" })).toEqual(["rotated", "changed", "made here"]);
  });
});
