CREATE TABLE "alert_channel" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"config" jsonb NOT NULL,
	"secret_ciphertext" text,
	"secret_key_id" text,
	"secret_hint" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_severity" text DEFAULT 'info' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_channel_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "alert_delivery" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"channel_name" text NOT NULL,
	"event_kind" text NOT NULL,
	"event" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"response_status" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "alert_delivery_due" ON "alert_delivery" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "alert_delivery_created" ON "alert_delivery" USING btree ("created_at");
