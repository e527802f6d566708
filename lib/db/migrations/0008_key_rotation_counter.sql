-- The `key_rotation` change counter (lib/db/change-counter.ts): every statement that writes the
-- rotation table moves it in the writer's own transaction, as 0007's counters do, so a list read can
-- reuse the open rotations it read before while the counter stands still.
INSERT INTO "change_counter" ("name", "value") VALUES ('key_rotation', 0);
--> statement-breakpoint
CREATE TRIGGER "key_rotation_moves_key_rotation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "key_rotation"
  FOR EACH STATEMENT EXECUTE FUNCTION "change_counter_bump"('key_rotation');
