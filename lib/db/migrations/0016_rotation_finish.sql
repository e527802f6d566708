CREATE TABLE "rotation_finish" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"connection_id" text NOT NULL,
	"group_id" text,
	"key_id" text NOT NULL,
	"new_key_id" text,
	"key_name" text,
	"disable_at" timestamp with time zone,
	"disable_state" text,
	"disable_note" text,
	"delete_at" timestamp with time zone,
	"delete_state" text,
	"delete_note" text,
	"tries" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"scheduled_by" text NOT NULL,
	"scheduled_by_email" text NOT NULL,
	"scheduled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "rotation_finish_open_key_idx" ON "rotation_finish" USING btree ("connection_id","key_id") WHERE "closed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "rotation_finish_new_key_idx" ON "rotation_finish" USING btree ("connection_id","new_key_id");
