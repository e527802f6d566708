// `npx drizzle-kit generate --config lib/db/drizzle.config.ts` writes a new migration after a
// schema change. Migrations are applied at start by lib/db/migrate.ts.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
});
