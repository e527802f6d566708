import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabases } from "@/tests/support/audit-log";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { changeCounters, readChangeCounter, readChangeCounters } from "./change-counter";

const open = testDatabases();

describe.each(DATABASE_KINDS)("change counters (%s)", (kind) => {
  it("move on every statement that writes their tables, and only theirs", async () => {
    const { db } = await open(kind);
    const counters = async () => ({
      auth: await readChangeCounter(db, "auth"),
      snapshot: await readChangeCounter(db, "key_snapshot"),
    });
    const start = await counters();
    await db.execute(
      sql`insert into "user" ("id", "name", "email", "email_verified", "created_at", "updated_at") values ('u1', 'U', 'u@example.com', false, now(), now())`,
    );
    expect(await counters()).toEqual({ auth: start.auth + 1, snapshot: start.snapshot });
    await db.execute(sql`update "user" set "role" = 'support'`);
    await db.execute(sql`update "session" set "ip_address" = null`); // no row: still a write statement
    expect(await counters()).toEqual({ auth: start.auth + 3, snapshot: start.snapshot });
    await db.execute(
      sql`insert into "key_snapshot_baseline" ("scope", "taken_at", "key_count") values ('*', now(), 0)`,
    );
    await db.execute(sql`delete from "key_snapshot"`);
    expect(await counters()).toEqual({ auth: start.auth + 3, snapshot: start.snapshot + 2 });
    await db.execute(sql`select * from "user"`);
    expect(await counters()).toEqual({ auth: start.auth + 3, snapshot: start.snapshot + 2 });
  });
});

describe.each(DATABASE_KINDS)("the key_rotation counter (%s)", (kind) => {
  it("moves on every statement that writes the rotation table, and only then", async () => {
    const { db } = await open(kind);
    const before = await readChangeCounters(db);
    expect(before.key_rotation).toBeGreaterThanOrEqual(0);
    await db.execute(
      sql`insert into "key_rotation" ("service_account_id", "old_key_id", "new_key_id", "started_by") values ('sa', 'a', 'b', 'u')`,
    );
    await db.execute(sql`update "key_rotation" set "finished_at" = now()`);
    await db.execute(sql`select * from "key_rotation"`);
    expect(await readChangeCounters(db)).toEqual({ ...before, key_rotation: before.key_rotation + 2 });
    expect(await readChangeCounter(db, "key_rotation")).toBe(before.key_rotation + 2);
  });
});

/** A stand-in database whose counter reads end only when the test says, to see who shares which. */
function heldDatabase() {
  const reads: { resolve: (rows: { name: string; value: number }[]) => void }[] = [];
  const db = {
    select: () => ({
      from: () =>
        new Promise<{ name: string; value: number }[]>((resolve) => {
          reads.push({ resolve });
        }),
    }),
  } as unknown as Parameters<typeof changeCounters>[0];
  const rows = (auth: number) => [
    { name: "auth", value: auth },
    { name: "key_snapshot", value: 7 },
    { name: "key_rotation", value: 9 },
  ];
  return { db, reads, rows };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("changeCounters, shared", () => {
  it("gives callers of the same turn one read", async () => {
    const { db, reads, rows } = heldDatabase();
    const first = changeCounters(db);
    const second = changeCounters(db);
    await turn();
    expect(reads).toHaveLength(1);
    reads[0]!.resolve(rows(1));
    expect(await first).toEqual({ auth: 1, key_snapshot: 7, key_rotation: 9 });
    expect(await second).toEqual(await first);
  });

  it("never gives a caller a read that began before it asked: it waits for the next one", async () => {
    const { db, reads, rows } = heldDatabase();
    const early = changeCounters(db);
    await turn(); // the read has begun
    expect(reads).toHaveLength(1);
    const late = changeCounters(db);
    const later = changeCounters(db); // joins `late`'s read, not yet begun
    await turn();
    expect(reads).toHaveLength(1); // one read at a time
    reads[0]!.resolve(rows(1));
    expect((await early).auth).toBe(1);
    await turn();
    expect(reads).toHaveLength(2); // begun after `late` asked
    reads[1]!.resolve(rows(2));
    expect((await late).auth).toBe(2);
    expect((await later).auth).toBe(2);
  });

  it("passes a failed read to its callers, and the next caller reads again", async () => {
    const { db, reads, rows } = heldDatabase();
    const failing = changeCounters(db);
    await turn();
    (reads[0] as unknown as { resolve: (v: unknown) => void }).resolve(Promise.reject(new Error("down")));
    await expect(failing).rejects.toThrow("down");
    const again = changeCounters(db);
    await turn();
    expect(reads).toHaveLength(2);
    reads[1]!.resolve(rows(3));
    expect((await again).auth).toBe(3);
  });
});
