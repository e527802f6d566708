CREATE TABLE "key_snapshot_generation" (
	"id" integer PRIMARY KEY NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "key_snapshot_generation" ("id", "generation") VALUES (1, 0);
--> statement-breakpoint
-- Every statement that writes the snapshot or its baseline markers bumps the counter, whoever runs
-- it (any Keydesk process, any version, a hand-made fix), inside the writer's own transaction: a
-- reader sees the new count exactly when it can see the new rows (lib/observed/read-memo.ts).
CREATE FUNCTION "key_snapshot_bump_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "key_snapshot_generation" SET "generation" = "generation" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "key_snapshot_generation_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "key_snapshot"
  FOR EACH STATEMENT EXECUTE FUNCTION "key_snapshot_bump_generation"();
--> statement-breakpoint
CREATE TRIGGER "key_snapshot_baseline_generation_bump" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "key_snapshot_baseline"
  FOR EACH STATEMENT EXECUTE FUNCTION "key_snapshot_bump_generation"();
