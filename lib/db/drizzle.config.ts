// `npx drizzle-kit generate --config lib/db/drizzle.config.ts` writes a new migration after a
// schema change. Migrations are applied when the database opens (lib/db/database.ts).
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
});
