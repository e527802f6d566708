// Opening Keydesk's database: PGlite (PostgreSQL compiled to WebAssembly, data in a local folder)
// by default, or a PostgreSQL server when a URL is given. Both speak the same schema through
// Drizzle, and both are migrated before first use.
import "server-only";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { logServerError } from "@/lib/log/server-error";
import { schema, type Schema } from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | null };

const MIGRATIONS = join(process.cwd(), "lib", "db", "migrations");
/** Serialises migrations when several Keydesk instances start against one server at once. */
const MIGRATION_LOCK = 724_401;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const pool = new Pool({ connectionString: target.url, max: 10 });
    // An idle connection the server dropped: logged (code only, never the error as it comes) rather
    // than left unhandled, which would end the process; the pool opens a new one when next needed.
    pool.on("error", (error) => logServerError("a database connection failed", error));
    const db = drizzle(pool, { schema }) as unknown as Db;
    const lock = await pool.connect();
    try {
      await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrate(drizzle(pool, { schema }), { migrationsFolder: MIGRATIONS });
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      lock.release();
    }
    return { db, kind: "postgres", close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const client = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}

/** A quick liveness check (used by tests and health checks). */
export async function ping(database: Database): Promise<boolean> {
  const rows = await database.db.execute(sql`select 1 as one`);
  return Array.isArray((rows as { rows?: unknown[] }).rows ?? rows);
}
