CREATE TABLE "key_rotation" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service_account_id" text NOT NULL,
	"old_key_id" text NOT NULL,
	"new_key_id" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_by" text NOT NULL,
	"finished_at" timestamp with time zone,
	"finished_by" text
);
--> statement-breakpoint
CREATE INDEX "key_rotation_old_key_idx" ON "key_rotation" USING btree ("old_key_id");--> statement-breakpoint
CREATE INDEX "key_rotation_new_key_idx" ON "key_rotation" USING btree ("new_key_id");