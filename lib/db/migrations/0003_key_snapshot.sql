CREATE TABLE "key_snapshot" (
	"key_id" text PRIMARY KEY NOT NULL,
	"service_account_id" text NOT NULL,
	"name" text NOT NULL,
	"state" jsonb NOT NULL,
	"digest" text NOT NULL,
	"origin" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "key_snapshot_baseline" (
	"scope" text PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"key_count" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "key_snapshot_service_account_idx" ON "key_snapshot" USING btree ("service_account_id");