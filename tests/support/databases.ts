// Test databases of both kinds. PGlite is always there; PostgreSQL is there when the test run
// started a throwaway server (tests/support/throwaway-postgres.ts) and handed its URL over in
// TEST_DATABASE_URL. Each call makes a fresh, migrated database of its own.
import { randomBytes } from "node:crypto";
import { openDatabase, type Database } from "@/lib/db/database";
import { createDatabase } from "./throwaway-postgres";

export const postgresUrl = process.env.TEST_DATABASE_URL || null;
export const POSTGRES_MISSING =
  "PostgreSQL is not available to this test run (no TEST_DATABASE_URL): its tests are not run.";

export const DATABASE_KINDS = postgresUrl ? (["pglite", "postgres"] as const) : (["pglite"] as const);

/** A new empty database on the throwaway server; returns its URL. */
export async function createPostgresDatabase(): Promise<string> {
  if (!postgresUrl) throw new Error(POSTGRES_MISSING);
  return createDatabase(postgresUrl, `keydesk_test_${randomBytes(6).toString("hex")}`);
}

export async function openTestDatabase(kind: "pglite" | "postgres"): Promise<Database> {
  if (kind === "pglite") return openDatabase({ kind: "pglite", dataDir: null });
  return openDatabase({ kind: "postgres", url: await createPostgresDatabase() });
}
