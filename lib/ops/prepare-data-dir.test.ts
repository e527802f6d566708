import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/database";
import { isPgliteDataDir, makePgliteDataDir } from "@/lib/db/data-folder";
import { prepareDataDir } from "./prepare-data-dir";

const root = mkdtempSync(join(tmpdir(), "keydesk-prepare-"));
const template = join(root, "template");

async function one<T>(database: Database, query: ReturnType<typeof sql>): Promise<T> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows[0]!;
}

/** Opens `dir` (making it from `from` when it has no data folder), runs `read` and closes it. */
async function withDatabase<T>(dir: string, from: string | null, read: (d: Database) => Promise<T>) {
  const database = await openDatabase({ kind: "pglite", dataDir: dir, template: from });
  try {
    return await read(database);
  } finally {
    await database.close();
  }
}

const systemId = (d: Database) =>
  one<{ id: string }>(d, sql`select system_identifier::text as id from pg_control_system()`);

// initdb (in a child) and every migration on a busy two-core machine.
beforeAll(() => prepareDataDir(template), 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("makes a data folder with every migration applied and the job engine's tables", async () => {
  expect(isPgliteDataDir(template)).toBe(true);
  const journal = JSON.parse(
    readFileSync(join(process.cwd(), "lib/db/migrations/meta/_journal.json"), "utf8"),
  );
  await withDatabase(template, null, async (d) => {
    const applied = await one<{ n: number }>(
      d,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied.n).toBe(journal.entries.length);
    const jobTables = await one<{ n: number }>(
      d,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'pgboss' and table_name in ('version', 'job', 'queue')`,
    );
    expect(jobTables.n).toBe(3);
  });
  // Run again on a made folder, it only brings it up to date.
  await prepareDataDir(template);
  expect(isPgliteDataDir(template)).toBe(true);
}, 60_000);

it("a first start copies the template (the same cluster, not a new initdb); the template stays as it was", async () => {
  const dataDir = join(root, "first-start");
  const templateId = await withDatabase(template, null, systemId);
  await withDatabase(dataDir, template, async (d) => {
    expect((await systemId(d)).id).toBe(templateId.id);
    await d.db.execute(sql`insert into "user" (id, name, email, email_verified, created_at, updated_at)
      values ('u1', 'Ada', 'ada@example.com', true, now(), now())`);
  });
  await withDatabase(template, null, async (d) =>
    expect((await one<{ n: number }>(d, sql`select count(*)::int as n from "user"`)).n).toBe(0),
  );
  // A made data folder is never replaced by the template: the row is still there.
  await withDatabase(dataDir, template, async (d) =>
    expect((await one<{ n: number }>(d, sql`select count(*)::int as n from "user"`)).n).toBe(1),
  );
}, 60_000);

it("says it copied; a template folder that is not a made data folder is not copied", async () => {
  expect(await makePgliteDataDir(join(root, "copied"), template)).toBe("template");
  expect(isPgliteDataDir(join(root, "copied"))).toBe(true);
  // An empty "template" (an image built without one) leaves the folder to initdb; its answer says so.
  const empty = mkdtempSync(join(root, "empty-"));
  expect(await makePgliteDataDir(join(root, "initdb"), empty)).toBe("initdb");
  expect(isPgliteDataDir(join(root, "initdb"))).toBe(true);
}, 120_000);
