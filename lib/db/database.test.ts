import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getTableName, sql } from "drizzle-orm";
import { DATABASE_KINDS, openTestDatabase, postgresUrl, POSTGRES_MISSING } from "@/tests/support/databases";
import { schema } from "./schema";
import { openDatabase, PGLITE_SHARED_BUFFERS, type Database } from "./database";
import { createPgliteDataDir } from "./data-folder";

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
    // Every table the schema declares, made by the migrations (a table added to schema.ts without
    // its migration fails here), and better-auth's and the chain's tables among them.
    const declared = Object.values(schema).map((table) => getTableName(table));
    expect([...tables].sort()).toEqual([...declared].sort());
    expect(tables).toEqual(
      expect.arrayContaining(["user", "session", "audit_log", "key_snapshot", "connection"]),
    );
  });
});

describe("PGlite's footprint", () => {
  it("starts with small shared buffers (PostgreSQL's 128MB default is most of an idle server's memory)", async () => {
    const database = await openTestDatabase("pglite");
    opened.push(database);
    const result = await database.db.execute(sql`show shared_buffers`);
    expect((result as unknown as { rows: { shared_buffers: string }[] }).rows[0]!.shared_buffers).toBe(
      PGLITE_SHARED_BUFFERS,
    );
  });

  it("makes a new data folder in a short-lived child process, then opens it here", async () => {
    const dir = mkdtempSync(join(tmpdir(), "keydesk-pglite-"));
    try {
      const made = await createPgliteDataDir(join(dir, "pglite"));
      expect(made.pid).not.toBe(process.pid);
      expect(existsSync(join(dir, "pglite", "PG_VERSION"))).toBe(true);
      const database = await openDatabase({ kind: "pglite", dataDir: join(dir, "pglite") });
      opened.push(database);
      const result = await database.db.execute(sql`select count(*)::int as n from "user"`);
      expect((result as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    } finally {
      for (const d of opened.splice(0)) await d.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // initdb in a child (a second WebAssembly compile) on a busy machine takes well over the default.
  }, 60_000);
});
