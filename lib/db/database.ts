// Opening Keydesk's database: PGlite (PostgreSQL compiled to WebAssembly, data in a local folder)
// by default, or a PostgreSQL server when a URL is given. Both speak the same schema through
// Drizzle, and both are migrated before first use.
import "server-only";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { logger } from "@/lib/log/logger";
import { logServerError } from "@/lib/log/server-error";
import { schema, type Schema } from "./schema";
import { isPgliteDataDir, makePgliteDataDir } from "./data-folder";

export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  /**
   * `template`: a made and migrated data folder (data-folder.ts) copied into `dataDir` when that has
   * none yet; without one (or when it is missing) a new folder is made.
   */
  | { kind: "pglite"; dataDir: string | null; template?: string | null };

const MIGRATIONS = join(process.cwd(), "lib", "db", "migrations");
/** Serialises migrations when several Keydesk instances start against one server at once. */
const MIGRATION_LOCK = 724_401;

/**
 * PGlite's shared buffers. PostgreSQL's default (128MB), which initdb writes into postgresql.conf,
 * is allocated and zeroed inside PGlite's WebAssembly memory at start, so it is resident from the
 * first moment and was most of an idle server's memory. Keydesk's tables are small: 16MB holds
 * their working set many times over, and anything beyond is read from the OS's file cache.
 */
export const PGLITE_SHARED_BUFFERS = "16MB";

/**
 * How PGlite's PostgreSQL starts: its own defaults (single-user mode, no parallel workers, and `-F`,
 * no fsync: each commit's WAL is written to the OS before the commit returns, so a crash of the Node
 * process loses nothing committed; only an OS crash or power cut could) plus the smaller buffers.
 * Durability is left exactly as PGlite ships it; `relaxedDurability` is not used (on a folder it
 * would only skip a sync that NODEFS does not need).
 */
function pgliteStartParams(defaults: readonly string[]): string[] {
  return [...defaults, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`];
}

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
  if (target.dataDir && !isPgliteDataDir(target.dataDir)) {
    const started = performance.now();
    await makePgliteDataDir(target.dataDir, target.template ?? null).then(
      (how) =>
        logger.info(
          { made: how, ms: Math.round(performance.now() - started) },
          how === "template"
            ? "Keydesk: made the embedded database's folder from the build's template."
            : "Keydesk: made a new embedded database folder.",
        ),
      // Not fatal: opening it here runs initdb in this process instead (as before, only heavier).
      (error: unknown) => logServerError("could not make the PGlite data folder ahead", error),
    );
  }
  const options = { startParams: pgliteStartParams(PGlite.defaultStartParams) };
  const client = target.dataDir ? new PGlite(target.dataDir, options) : new PGlite(options);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}

/** A quick liveness check (used by tests and health checks). */
export async function ping(database: Database): Promise<boolean> {
  const rows = await database.db.execute(sql`select 1 as one`);
  return Array.isArray((rows as { rows?: unknown[] }).rows ?? rows);
}
