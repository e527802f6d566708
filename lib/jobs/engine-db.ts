// pg-boss's one door to the database (its `db` option: `executeSql(text, values)`), over the
// connection Keydesk already has, so the job tables live in the same database as everything else
// and no second pool is opened. PostgreSQL: the app's pool (a query without values goes by the simple
// protocol, so pg-boss's `BEGIN; …; COMMIT;` blocks run whole on one connection). PGlite: one
// connection in this process; a query with values is one statement, and a block without values goes
// through `exec`, which runs every statement of it before any other query (PGlite queues the rest).
import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";
import type { Database } from "@/lib/db";

export interface EngineDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The driver's own client under a Drizzle database (Drizzle keeps it as `$client`). */
function clientOf(database: Database): unknown {
  return (database.db as unknown as { $client: unknown }).$client;
}

export function engineDb(database: Database): EngineDb {
  if (database.kind === "postgres") {
    const pool = clientOf(database) as Pool;
    return {
      executeSql: async (text, values) => pool.query(text, values && values.length > 0 ? values : undefined),
    };
  }
  const client = clientOf(database) as PGlite;
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      // pg-boss reads the rows of the last statement (a `SELECT` after a `BEGIN; …` block).
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}
