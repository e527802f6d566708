import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDatabases } from "@/tests/support/audit-log";
import { DATABASE_KINDS } from "@/tests/support/databases";
import { readChangeCounter } from "./change-counter";

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
