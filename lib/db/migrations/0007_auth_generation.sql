-- A counter the database moves on every change to a user or a session, whoever makes it (better-auth,
-- Keydesk's own code, another Keydesk instance on the same PostgreSQL, an operator with psql). A
-- request may reuse who a session cookie belonged to only while this counter has not moved since
-- (lib/auth/session-cache.ts): one read of one row instead of finding the session and its user.
-- Not in schema.ts: only that module reads it, with SQL of its own.
CREATE TABLE "auth_generation" (
  "id" integer PRIMARY KEY CHECK ("id" = 1),
  "value" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "auth_generation" ("id", "value") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION "auth_generation_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "auth_generation" SET "value" = "value" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "session_moves_auth_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "session"
  FOR EACH STATEMENT EXECUTE FUNCTION "auth_generation_bump"();
--> statement-breakpoint
CREATE TRIGGER "user_moves_auth_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION "auth_generation_bump"();
