// This process's database, opened and migrated once, from the environment: DATABASE_URL for a
// PostgreSQL server, otherwise PGlite in KEYDESK_DATA_DIR.
import "server-only";
import { join, resolve } from "node:path";
import { env, type Env } from "@/lib/env";
import { openDatabase, type Database } from "./database";
import { DATA_TEMPLATE } from "./data-folder";

const SLOT = Symbol.for("keydesk.database");
type Slot = { [SLOT]?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  const slot = globalThis as Slot;
  if (!slot[SLOT]) {
    const e = env();
    slot[SLOT] = openDatabase(
      e.DATABASE_URL
        ? { kind: "postgres", url: e.DATABASE_URL }
        : // A first start copies the template beside the server, when the build made one (Dockerfile);
          // a folder of the running server's, not one for the build's file tracer to copy in.
          {
            kind: "pglite",
            dataDir: pgliteDataDir(e)!,
            template: join(/*turbopackIgnore: true*/ process.cwd(), DATA_TEMPLATE),
          },
    );
    slot[SLOT].catch(() => delete slot[SLOT]);
  }
  return slot[SLOT];
}

/** PGlite's folder in KEYDESK_DATA_DIR, or null when DATABASE_URL names a PostgreSQL server. */
export function pgliteDataDir(e: Env = env()): string | null {
  return e.DATABASE_URL ? null : join(resolve(e.KEYDESK_DATA_DIR), "pglite");
}

export type { Database, Db } from "./database";
