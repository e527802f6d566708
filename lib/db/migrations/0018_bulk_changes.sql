CREATE TABLE "bulk_change" (
	"id" text PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"started_by_id" text NOT NULL,
	"started_by_email" text NOT NULL,
	"ip" text,
	"step_up" jsonb,
	"state" text DEFAULT 'queued' NOT NULL,
	"run_id" text,
	"lease_until" timestamp with time zone,
	"cancelled_by" text,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "bulk_change_created_at_idx" ON "bulk_change" USING btree ("created_at");
--> statement-breakpoint
CREATE TABLE "bulk_change_key" (
	"bulk_change_id" text NOT NULL,
	"position" integer NOT NULL,
	"connection_id" text NOT NULL,
	"key_id" text NOT NULL,
	"group_id" text,
	"name" text,
	"expected_enabled" boolean,
	"state" text DEFAULT 'pending' NOT NULL,
	"message" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulk_change_key_bulk_change_id_position_pk" PRIMARY KEY("bulk_change_id","position"),
	CONSTRAINT "bulk_change_key_bulk_change_id_fk" FOREIGN KEY ("bulk_change_id") REFERENCES "bulk_change"("id") ON DELETE cascade
);
