import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DATABASE_KINDS, openTestDatabase, postgresUrl, POSTGRES_MISSING } from "@/tests/support/databases";
import type { Database } from "./database";

const opened: Database[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
});

it("runs against PostgreSQL too, or says plainly why not", () => {
  if (!postgresUrl) console.warn(POSTGRES_MISSING);
  expect(DATABASE_KINDS).toContain("pglite");
});

describe.each(DATABASE_KINDS)("%s", (kind) => {
  it("opens, migrates and holds every table of the schema", async () => {
    const database = await openTestDatabase(kind);
    opened.push(database);
    expect(database.kind).toBe(kind);
    const result = await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
    expect(tables).toEqual([
      "account",
      "audit_log",
      "key_rotation",
      "key_snapshot",
      "key_snapshot_baseline",
      "key_snapshot_generation",
      "rate_limit",
      "session",
      "sign_in_guard",
      "two_factor",
      "user",
      "user_invite",
      "verification",
    ]);
  });
});
