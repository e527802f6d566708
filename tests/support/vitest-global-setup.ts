// Gives the database tests a PostgreSQL server: the one in TEST_DATABASE_URL, or a throwaway one
// when PostgreSQL is installed, or none (then those tests say so and the rest run).
import { postgresInstalled, startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres";

let server: ThrowawayPostgres | undefined;

export async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  if (!postgresInstalled()) {
    console.warn(
      "\nPostgreSQL is not installed on this machine: the PostgreSQL database tests will not run (PGlite ones will).\n",
    );
    return;
  }
  server = await startThrowawayPostgres();
  process.env.TEST_DATABASE_URL = server.url;
}

export async function teardown() {
  server?.stop();
}
