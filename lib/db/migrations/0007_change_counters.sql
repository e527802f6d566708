CREATE TABLE "change_counter" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- What follows drizzle-kit does not write. Each statement that writes a counted table moves its
-- counter inside the writer's own transaction, whoever runs it (any Keydesk process, any version,
-- a hand-made fix): a reader sees the new value exactly when it can see the new rows.
INSERT INTO "change_counter" ("name", "value") VALUES ('auth', 0), ('key_snapshot', 0);
--> statement-breakpoint
CREATE FUNCTION "change_counter_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "change_counter" SET "value" = "value" + 1 WHERE "name" = TG_ARGV[0];
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "user_moves_auth" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION "change_counter_bump"('auth');
--> statement-breakpoint
CREATE TRIGGER "session_moves_auth" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "session"
  FOR EACH STATEMENT EXECUTE FUNCTION "change_counter_bump"('auth');
--> statement-breakpoint
CREATE TRIGGER "key_snapshot_moves_key_snapshot" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "key_snapshot"
  FOR EACH STATEMENT EXECUTE FUNCTION "change_counter_bump"('key_snapshot');
--> statement-breakpoint
CREATE TRIGGER "key_snapshot_baseline_moves_key_snapshot" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "key_snapshot_baseline"
  FOR EACH STATEMENT EXECUTE FUNCTION "change_counter_bump"('key_snapshot');
